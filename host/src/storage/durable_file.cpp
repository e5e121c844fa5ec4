#include "storage/durable_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#include "storage/database.hpp"

namespace billing::host {

namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path, int error) {
    throw DatabaseError("cannot " + what + " " + path.string() + ": " + std::strerror(error));
}

// Closes a file descriptor when leaving scope.
class Descriptor {
public:
    Descriptor(const std::filesystem::path& path, int flags, mode_t mode = 0)
        : fd_(::open(path.c_str(), flags | O_CLOEXEC, mode)) {
        if (fd_ < 0) fail("open", path, errno);
    }
    ~Descriptor() { ::close(fd_); }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

std::filesystem::path directory_of(const std::filesystem::path& file) {
    return file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
}

}  // namespace

void write_file_durably(const std::filesystem::path& file, std::string_view bytes) {
    {
        Descriptor out(file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        while (!bytes.empty()) {
            auto written = ::write(out.get(), bytes.data(), bytes.size());
            if (written < 0 && errno == EINTR) continue;
            if (written < 0) fail("write", file, errno);
            bytes.remove_prefix(static_cast<std::size_t>(written));
        }
        if (::fsync(out.get()) != 0) fail("flush", file, errno);
    }
    sync_to_disk(directory_of(file));
}

void sync_to_disk(const std::filesystem::path& path) {
    Descriptor descriptor(path, O_RDONLY);
    if (::fsync(descriptor.get()) != 0) fail("flush", path, errno);
}

void sync_data_to_disk(const std::filesystem::path& path) {
    Descriptor descriptor(path, O_RDONLY);
    if (::fdatasync(descriptor.get()) != 0) fail("flush", path, errno);
}

void rename_durably(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::error_code error;
    std::filesystem::rename(from, to, error);
    if (error)
        throw DatabaseError("cannot move " + from.string() + " to " + to.string() + ": " + error.message());
    sync_to_disk(directory_of(to));
    if (directory_of(from) != directory_of(to)) sync_to_disk(directory_of(from));
}

}  // namespace billing::host
