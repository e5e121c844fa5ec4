#include "auth/jwt_secret.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include "auth/sodium_init.hpp"

namespace billing::host {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what) {
    throw std::runtime_error("JWT secret " + file.string() + ": " + what);
}

[[noreturn]] void fail_errno(const std::filesystem::path& file, const std::string& what) {
    fail(file, what + ": " + std::strerror(errno));
}

// Closes the descriptor on every path out.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

std::optional<JwtSecret> read_existing(const std::filesystem::path& file) {
    FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (fd.get() < 0) {
        if (errno == ENOENT) return std::nullopt;
        fail_errno(file, "cannot open");
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) fail_errno(file, "cannot stat");
    if (!S_ISREG(info.st_mode)) fail(file, "is not a regular file");
    if (info.st_size != static_cast<off_t>(jwt_secret_size))
        fail(file, "has " + std::to_string(info.st_size) + " bytes, expected " + std::to_string(jwt_secret_size) +
                       "; remove it to generate a new one (every issued token becomes invalid)");
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        spdlog::warn("JWT secret {} is readable by other users; run chmod 600 on it", file.string());

    JwtSecret secret{};
    std::size_t done = 0;
    while (done < secret.size()) {
        const auto n = ::read(fd.get(), secret.data() + done, secret.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail_errno(file, "cannot read");
        if (n == 0) fail(file, "shrank while being read");
        done += static_cast<std::size_t>(n);
    }
    return secret;
}

void write_all(int fd, const JwtSecret& secret, const std::filesystem::path& file) {
    std::size_t done = 0;
    while (done < secret.size()) {
        const auto n = ::write(fd, secret.data() + done, secret.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail_errno(file, "cannot write");
        done += static_cast<std::size_t>(n);
    }
}

// The new file's directory entry is made durable too, or a power cut could
// lose the file while tokens signed with it are out there.
void sync_directory(const std::filesystem::path& file) {
    auto directory = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
    FileDescriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) fail_errno(file, "cannot sync its directory");
}

// Nothing if another process created the file first.
std::optional<JwtSecret> create_new(const std::filesystem::path& file) {
    // O_EXCL: never overwrite a secret; 0600 from the first instant, so the
    // key is never readable by others, not even briefly.
    FileDescriptor fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0) {
        if (errno == EEXIST) return std::nullopt;
        fail_errno(file, "cannot create");
    }
    JwtSecret secret{};
    randombytes_buf(secret.data(), secret.size());
    try {
        write_all(fd.get(), secret, file);
        if (::fsync(fd.get()) != 0) fail_errno(file, "cannot sync");
    } catch (...) {
        // A short file would stop every later start: leave none behind.
        ::unlink(file.c_str());
        throw;
    }
    sync_directory(file);
    spdlog::info("generated a new JWT secret in {}", file.string());
    return secret;
}

}  // namespace

JwtSecret load_or_create_jwt_secret(const std::filesystem::path& file) {
    ensure_sodium_initialised();
    if (auto secret = read_existing(file)) return *secret;
    if (auto secret = create_new(file)) return *secret;
    if (auto secret = read_existing(file)) return *secret;
    fail(file, "vanished while being created");
}

}  // namespace billing::host
