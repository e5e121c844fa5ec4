#pragma once
#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>

namespace adb {

// One blocking TCP connection whose every operation ends by a deadline, for
// the plugin's own worker threads (never the host's strand). Failures throw
// AdbFailure: timeout, closed, or server_unavailable when nothing listens.
class TcpStream {
public:
    using Clock = std::chrono::steady_clock;

    // Connects to host:port (a numeric address or a name) before `deadline`.
    // Setting `cancelled` ends any wait early (as a timeout), so the
    // plugin's threads stop promptly.
    TcpStream(const std::string& host, unsigned short port, Clock::time_point deadline,
              const std::atomic<bool>& cancelled);
    ~TcpStream();
    TcpStream(const TcpStream&) = delete;
    TcpStream& operator=(const TcpStream&) = delete;

    void write_all(const std::string& bytes);
    // Exactly `count` bytes; AdbFailure(closed) if the peer ends first.
    std::string read_exact(std::size_t count);
    // Everything until the peer closes, at most `limit` bytes (the rest is
    // dropped).
    std::string read_to_end(std::size_t limit);

private:
    // Waits until the socket is ready for `events` (POLLIN/POLLOUT) or the deadline.
    void wait_for(short events);

    int fd_ = -1;
    Clock::time_point deadline_;
    const std::atomic<bool>& cancelled_;
    std::string peer_;
};

}  // namespace adb
