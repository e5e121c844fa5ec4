#include "raw_connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace billing::reliability {

RawConnection::RawConnection(unsigned short port) {
    socket_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (socket_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(socket_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        const std::string reason = std::strerror(errno);
        ::close(socket_);
        throw std::runtime_error("connect to 127.0.0.1:" + std::to_string(port) + ": " + reason);
    }
}

RawConnection::~RawConnection() { ::close(socket_); }

bool RawConnection::send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        auto result = ::send(socket_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (result <= 0) return false;
        sent += static_cast<std::size_t>(result);
    }
    return true;
}

bool RawConnection::read_until(const std::string& text) {
    return read_while([&] { return received_.find(text) == std::string::npos; });
}

bool RawConnection::read_response() {
    received_.clear();
    if (!read_until("\r\n\r\n")) return false;
    const auto header_end = received_.find("\r\n\r\n") + 4;
    std::size_t length = 0;
    auto field = received_.find("Content-Length: ");
    if (field != std::string::npos && field < header_end) length = std::stoul(received_.substr(field + 16));
    return read_while([&] { return received_.size() < header_end + length; });
}

template <class Condition>
bool RawConnection::read_while(Condition more_needed) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (more_needed()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        pollfd waiting{socket_, POLLIN, 0};
        if (::poll(&waiting, 1, static_cast<int>(left.count())) <= 0) return false;
        char chunk[4096];
        auto size = ::recv(socket_, chunk, sizeof chunk, 0);
        if (size <= 0) return false;
        received_.append(chunk, static_cast<std::size_t>(size));
    }
    return true;
}

}  // namespace billing::reliability
