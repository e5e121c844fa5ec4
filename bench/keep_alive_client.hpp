#pragma once
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

namespace billing::bench {

// A synchronous HTTP/1.1 client holding one keep-alive connection to a host
// on 127.0.0.1, as a dashboard or a load generator would (the test
// support's HttpClient opens a connection per request, which would measure
// connection set-up instead of the API). Reconnects when the server closes.
// One client per thread.
class KeepAliveClient {
public:
    KeepAliveClient(unsigned short port, std::string token);
    ~KeepAliveClient();
    KeepAliveClient(const KeepAliveClient&) = delete;
    KeepAliveClient& operator=(const KeepAliveClient&) = delete;

    // Sends `body` as JSON (none for GET) and returns the parsed answer if
    // its status is `expected_status`. Throws std::runtime_error naming the
    // request and quoting the answer otherwise, or if there is no answer.
    nlohmann::json call(const std::string& method, const std::string& target, const nlohmann::json& body,
                        int expected_status);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace billing::bench
