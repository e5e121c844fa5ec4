#include "tcp_stream.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "adb_failure.hpp"

namespace adb {

namespace {

std::string system_error_text(int error) { return std::strerror(error); }

}  // namespace

TcpStream::TcpStream(const std::string& host, unsigned short port, Clock::time_point deadline,
                     const std::atomic<bool>& cancelled)
    : deadline_(deadline), cancelled_(cancelled), peer_(host + ":" + std::to_string(port)) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (int error = getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found); error != 0)
        throw AdbFailure(FailureKind::server_unavailable,
                         "cannot resolve the adb server address " + host + ": " + gai_strerror(error));
    std::string last_error = "no address";
    for (auto* address = found; address != nullptr && fd_ < 0; address = address->ai_next) {
        int fd = socket(address->ai_family, address->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, address->ai_protocol);
        if (fd < 0) continue;
        fd_ = fd;
        if (::connect(fd, address->ai_addr, address->ai_addrlen) == 0) break;
        if (errno == EINPROGRESS) {
            try {
                wait_for(POLLOUT);
            } catch (...) {
                freeaddrinfo(found);
                throw;
            }
            int error = 0;
            socklen_t length = sizeof error;
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error == 0) break;
            last_error = system_error_text(error);
        } else {
            last_error = system_error_text(errno);
        }
        ::close(fd);
        fd_ = -1;
    }
    freeaddrinfo(found);
    if (fd_ < 0)
        throw AdbFailure(FailureKind::server_unavailable, "no adb server answers at " + peer_ + " (" + last_error + ")");
}

TcpStream::~TcpStream() {
    if (fd_ >= 0) ::close(fd_);
}

void TcpStream::wait_for(short events) {
    // Short slices, so a cancellation is noticed soon.
    constexpr std::chrono::milliseconds::rep kSliceMs = 50;
    while (true) {
        if (cancelled_) throw AdbFailure(FailureKind::timeout, "gave up on " + peer_ + ": the plugin is stopping");
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
        if (left <= 0) throw AdbFailure(FailureKind::timeout, "no answer from " + peer_ + " in time");
        pollfd poll_fd{fd_, events, 0};
        const int ready = ::poll(&poll_fd, 1, static_cast<int>(std::min(left, kSliceMs)));
        if (ready > 0) return;
        if (ready < 0 && errno != EINTR)
            throw AdbFailure(FailureKind::closed, "waiting for " + peer_ + ": " + system_error_text(errno));
    }
}

void TcpStream::write_all(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        wait_for(POLLOUT);
        const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR) continue;
            throw AdbFailure(FailureKind::closed, "sending to " + peer_ + ": " + system_error_text(errno));
        }
        sent += static_cast<std::size_t>(n);
    }
}

std::string TcpStream::read_exact(std::size_t count) {
    std::string bytes(count, '\0');
    std::size_t got = 0;
    while (got < count) {
        wait_for(POLLIN);
        const auto n = ::recv(fd_, bytes.data() + got, count - got, 0);
        if (n == 0)
            throw AdbFailure(FailureKind::closed, peer_ + " closed the connection in the middle of a reply");
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR) continue;
            throw AdbFailure(FailureKind::closed, "reading from " + peer_ + ": " + system_error_text(errno));
        }
        got += static_cast<std::size_t>(n);
    }
    return bytes;
}

std::string TcpStream::read_to_end(std::size_t limit) {
    std::string bytes;
    char buffer[4096];
    while (true) {
        wait_for(POLLIN);
        const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n == 0) return bytes;
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR) continue;
            throw AdbFailure(FailureKind::closed, "reading from " + peer_ + ": " + system_error_text(errno));
        }
        bytes.append(buffer, std::min(static_cast<std::size_t>(n), limit - std::min(limit, bytes.size())));
    }
}

}  // namespace adb
