#include "small_disk.hpp"

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace billing::reliability {

namespace {

std::filesystem::path filler_of(const std::filesystem::path& root) { return root / "filler"; }

}  // namespace

SmallDisk::SmallDisk(std::size_t megabytes) {
    const std::string options = "size=" + std::to_string(megabytes) + "m,mode=0700";
    if (::mount("tmpfs", root_.path().c_str(), "tmpfs", 0, options.c_str()) == 0)
        mounted_ = true;
    else
        refusal_ = "mounting a tmpfs on " + root_.path().string() + " failed: " + std::strerror(errno);
}

SmallDisk::~SmallDisk() {
    // Lazily, so a host still holding files there cannot keep it mounted.
    if (mounted_) ::umount2(root_.path().c_str(), MNT_DETACH);
}

void SmallDisk::fill() {
    const int file = ::open(filler_of(path()).c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (file < 0) throw std::runtime_error("cannot create " + filler_of(path()).string() + ": " + std::strerror(errno));
    // tmpfs hands out whole pages: page-sized writes until none fits.
    const std::vector<char> page(4096, 'x');
    while (::write(file, page.data(), page.size()) > 0) {
    }
    ::close(file);
}

void SmallDisk::free_space() {
    std::error_code error;
    std::filesystem::remove(filler_of(path()), error);
    if (error) throw std::runtime_error("cannot delete " + filler_of(path()).string() + ": " + error.message());
}

}  // namespace billing::reliability
