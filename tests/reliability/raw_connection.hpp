#pragma once
#include <string>

namespace billing::reliability {

// One TCP connection to 127.0.0.1 driven byte by byte, for requests a test
// must hold half-sent (headers now, body later). Closed on destruction.
class RawConnection {
public:
    // Connects; throws std::runtime_error if it cannot.
    explicit RawConnection(unsigned short port);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // Sends all of `bytes`; false if the connection is broken.
    bool send(const std::string& bytes);
    // Reads until `text` has arrived, the peer closes, or 30 s pass;
    // whether `text` arrived.
    bool read_until(const std::string& text);
    // Reads the next HTTP response whole (headers and a Content-Length
    // body); received() then holds it alone. False if it does not arrive
    // within 30 s.
    bool read_response();
    // Everything received so far.
    const std::string& received() const { return received_; }

private:
    // Reads while `more_needed()` holds; false on close, error or timeout.
    template <class Condition>
    bool read_while(Condition more_needed);

    int socket_ = -1;
    std::string received_;
};

}  // namespace billing::reliability
