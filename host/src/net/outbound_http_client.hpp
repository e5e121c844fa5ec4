#pragma once
#include <functional>
#include <memory>

#include <billing/sdk/http_client.hpp>

namespace boost::asio {
class io_context;
}

namespace billing::host {

// Outbound HTTP/1.1 and HTTPS requests on the network threads, one
// connection per request. HTTPS verifies the server's certificate against
// the system's trust store and its name (SNI sent); there is no way to turn
// that off. Responses are limited to 8 MiB; the request's timeout covers
// everything from name resolution to the last byte.
class OutboundHttpClient {
public:
    explicit OutboundHttpClient(boost::asio::io_context& network);
    ~OutboundHttpClient();
    OutboundHttpClient(const OutboundHttpClient&) = delete;
    OutboundHttpClient& operator=(const OutboundHttpClient&) = delete;

    // Calls on_done exactly once, on a network thread, never before send()
    // has returned: with the status, headers (names in lower case) and body,
    // or with `error` saying what failed and where ("connect to
    // example.com:443: Connection refused", "timeout after 10000 ms while
    // reading the response from example.com:443", "invalid URL ...").
    void send(sdk::OutboundRequest request, std::function<void(sdk::OutboundResponse)> on_done);

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace billing::host
