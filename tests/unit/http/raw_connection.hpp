#pragma once
#include <chrono>
#include <string>

namespace billing::host::testing {

// A plain blocking TCP connection to 127.0.0.1, for what an HTTP client
// library would not send: pipelined, malformed, partial or never-ending
// requests. Every read waits at most until its deadline.
class RawConnection {
public:
    // `receive_buffer`: a small kernel receive buffer (bytes) for a client
    // that should fall behind quickly; 0 keeps the system's default.
    explicit RawConnection(unsigned short port, int receive_buffer = 0);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // Sends everything; returns false if the server has closed the connection.
    bool send(const std::string& bytes);
    // Reads until `needle` has arrived (true), or the connection closes or
    // the deadline passes (false).
    bool read_until(const std::string& needle, std::chrono::seconds deadline = std::chrono::seconds(30));
    // Reads until the server closes the connection (true) or the deadline
    // passes (false).
    bool read_until_closed(std::chrono::seconds deadline = std::chrono::seconds(30));

    // Everything received so far.
    const std::string& received() const { return received_; }

private:
    // One read of whatever is there, waiting at most until `until`; false
    // when the connection is closed (or broken).
    enum class Read { data, closed, timeout };
    Read read_some(std::chrono::steady_clock::time_point until);

    int fd_ = -1;
    std::string received_;
};

}  // namespace billing::host::testing
