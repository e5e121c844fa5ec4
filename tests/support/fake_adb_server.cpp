#include "support/fake_adb_server.hpp"

#include <cerrno>
#include <cstdio>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace billing::test {

namespace {

std::string length_prefixed(const std::string& text) {
    char length[5];
    std::snprintf(length, sizeof length, "%04zx", text.size());
    return std::string(length) + text;
}

std::string okay(const std::string& text) { return "OKAY" + length_prefixed(text); }
std::string fail(const std::string& text) { return "FAIL" + length_prefixed(text); }

// Waits until `fd` is readable, checking `stopping` every 50 ms.
bool readable(int fd, const std::atomic<bool>& stopping) {
    while (!stopping) {
        pollfd poll_fd{fd, POLLIN, 0};
        const int ready = ::poll(&poll_fd, 1, 50);
        if (ready > 0) return true;
        if (ready < 0 && errno != EINTR) return false;
    }
    return false;
}

// Exactly `count` bytes, or false if the client closed or the server stops.
bool read_exact(int fd, std::size_t count, std::string& out, const std::atomic<bool>& stopping) {
    out.assign(count, '\0');
    std::size_t got = 0;
    while (got < count) {
        if (!readable(fd, stopping)) return false;
        const auto n = ::recv(fd, out.data() + got, count - got, 0);
        if (n <= 0) return false;
        got += static_cast<std::size_t>(n);
    }
    return true;
}

void send_all(int fd, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;
        sent += static_cast<std::size_t>(n);
    }
}

}  // namespace

FakeAdbServer::FakeAdbServer() {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (listen_fd_ < 0 || ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listen_fd_, 64) != 0 || ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        throw std::runtime_error("fake adb server: cannot listen on 127.0.0.1");
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

FakeAdbServer::~FakeAdbServer() {
    stopping_ = true;
    acceptor_.join();
    for (auto& connection : connections_) connection.join();
    ::close(listen_fd_);
}

void FakeAdbServer::set_version(int version) {
    std::lock_guard lock(mutex_);
    version_ = version;
}

void FakeAdbServer::set_tv(const std::string& serial, TvMode mode) {
    std::lock_guard lock(mutex_);
    tv_modes_[serial] = mode;
}

void FakeAdbServer::set_shell_output(const std::string& command_prefix, std::string output) {
    std::lock_guard lock(mutex_);
    shell_outputs_.emplace_back(command_prefix, std::move(output));
}

void FakeAdbServer::inject(const std::string& service_prefix, Fault fault, int times, std::string fail_message) {
    std::lock_guard lock(mutex_);
    faults_.push_back({service_prefix, fault, times, std::move(fail_message)});
}

void FakeAdbServer::drop_tv_links() {
    std::lock_guard lock(mutex_);
    links_.clear();
}

std::vector<AdbRequest> FakeAdbServer::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

std::vector<std::string> FakeAdbServer::shell_commands(const std::string& serial) const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> commands;
    for (const auto& [tv, command] : shell_log_)
        if (tv == serial) commands.push_back(command);
    return commands;
}

std::size_t FakeAdbServer::count(const std::string& prefix) const {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (const auto& request : requests_)
        if (request.service.starts_with(prefix)) ++n;
    return n;
}

void FakeAdbServer::accept_loop() {
    while (readable(listen_fd_, stopping_)) {
        const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        std::lock_guard lock(mutex_);
        connections_.emplace_back([this, fd] {
            serve(fd);
            ::close(fd);
        });
    }
}

bool FakeAdbServer::take_fault(const std::string& service, Injected& fault) {
    std::lock_guard lock(mutex_);
    for (auto it = faults_.begin(); it != faults_.end(); ++it) {
        if (!service.starts_with(it->prefix)) continue;
        fault = *it;
        if (--it->times <= 0) faults_.erase(it);
        return true;
    }
    return false;
}

std::string FakeAdbServer::answer_host(const std::string& service) {
    std::lock_guard lock(mutex_);
    if (service == "host:version") {
        char version[5];
        std::snprintf(version, sizeof version, "%04x", static_cast<unsigned>(version_));
        return okay(version);
    }
    if (service == "host:devices") {
        std::string list;
        for (const auto& [serial, state] : links_) list += serial + "\t" + state + "\n";
        return okay(list);
    }
    if (service.starts_with("host:connect:")) {
        const auto serial = service.substr(13);
        const auto mode = tv_modes_.contains(serial) ? tv_modes_[serial] : TvMode::accepts;
        if (mode == TvMode::refuses) return okay("failed to connect to '" + serial + "': Connection refused");
        if (mode == TvMode::unauthorized) {
            links_[serial] = "unauthorized";
            return okay("failed to authenticate to " + serial);
        }
        const bool already = links_.contains(serial) && links_[serial] == "device";
        links_[serial] = "device";
        return okay((already ? "already connected to " : "connected to ") + serial);
    }
    if (service.starts_with("host:disconnect:")) {
        const auto serial = service.substr(16);
        links_.erase(serial);
        return okay("disconnected " + serial);
    }
    return fail("unknown host service");
}

void FakeAdbServer::serve(int fd) {
    std::string transport;  // the TV chosen by host:transport on this connection
    while (true) {
        std::string prefix, service;
        if (!read_exact(fd, 4, prefix, stopping_)) return;
        unsigned length = 0;
        if (std::sscanf(prefix.c_str(), "%4x", &length) != 1 || !read_exact(fd, length, service, stopping_)) return;
        {
            std::lock_guard lock(mutex_);
            requests_.push_back({service, prefix + service});
        }
        Injected fault;
        if (take_fault(service, fault)) {
            if (fault.fault == Fault::hang) {
                // Never answers; the client gives up (or the server stops).
                while (readable(fd, stopping_)) {
                    char byte;
                    if (::recv(fd, &byte, 1, 0) <= 0) return;
                }
                return;
            }
            if (fault.fault == Fault::close_mid_reply) {
                send_all(fd, "OK");
                return;
            }
            send_all(fd, fail(fault.message));
            return;
        }
        if (service.starts_with("host:transport:")) {
            const auto serial = service.substr(15);
            std::string state;
            {
                std::lock_guard lock(mutex_);
                state = links_.contains(serial) ? links_[serial] : "";
            }
            if (state == "device") {
                transport = serial;
                send_all(fd, "OKAY");
                continue;  // the service for the TV follows on this connection
            }
            send_all(fd, fail(state == "unauthorized"
                                  ? "device unauthorized.\nThis adb server's $ADB_VENDOR_KEYS is not set\nTry 'adb "
                                    "kill-server' if that seems wrong.\nOtherwise check for a confirmation dialog on "
                                    "your device."
                                  : "device '" + serial + "' not found"));
            return;
        }
        if (service.starts_with("shell:")) {
            if (transport.empty()) {
                send_all(fd, fail("no device chosen: send host:transport first"));
                return;
            }
            const auto command = service.substr(6);
            std::string output;
            {
                std::lock_guard lock(mutex_);
                shell_log_.emplace_back(transport, command);
                for (const auto& [start, text] : shell_outputs_)
                    if (command.starts_with(start)) output = text;
            }
            send_all(fd, "OKAY" + output);
            return;
        }
        send_all(fd, answer_host(service));
        return;
    }
}

}  // namespace billing::test
