#include "raw_connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace billing::host::testing {

RawConnection::RawConnection(unsigned short port, int receive_buffer) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    if (receive_buffer > 0) ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        auto error = errno;
        ::close(fd_);
        throw std::runtime_error("connect to port " + std::to_string(port) + ": " + std::strerror(error));
    }
}

RawConnection::~RawConnection() { ::close(fd_); }

bool RawConnection::send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

RawConnection::Read RawConnection::read_some(std::chrono::steady_clock::time_point until) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return Read::timeout;
    pollfd ready{fd_, POLLIN, 0};
    auto polled = ::poll(&ready, 1, static_cast<int>(left.count()));
    if (polled == 0) return Read::timeout;
    if (polled < 0) return errno == EINTR ? Read::data : Read::closed;
    char chunk[64 * 1024];
    auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n < 0 && errno == EINTR) return Read::data;
    if (n <= 0) return Read::closed;
    received_.append(chunk, static_cast<std::size_t>(n));
    return Read::data;
}

bool RawConnection::read_until(const std::string& needle, std::chrono::seconds deadline) {
    auto until = std::chrono::steady_clock::now() + deadline;
    while (received_.find(needle) == std::string::npos) {
        if (read_some(until) != Read::data) return received_.find(needle) != std::string::npos;
    }
    return true;
}

bool RawConnection::read_until_closed(std::chrono::seconds deadline) {
    auto until = std::chrono::steady_clock::now() + deadline;
    for (;;) {
        switch (read_some(until)) {
            case Read::data: break;
            case Read::closed: return true;
            case Read::timeout: return false;
        }
    }
}

}  // namespace billing::host::testing
