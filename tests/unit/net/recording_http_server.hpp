#pragma once
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "local_server.hpp"

namespace billing::test {

using ServerRequest = boost::beast::http::request<boost::beast::http::string_body>;
using ServerResponse = boost::beast::http::response<boost::beast::http::string_body>;

// An HTTP server on 127.0.0.1 answering one request per connection with
// `respond`, keeping a copy of every request it saw.
class RecordingHttpServer {
public:
    explicit RecordingHttpServer(std::function<ServerResponse(const ServerRequest&)> respond);

    unsigned short port() const { return server_.port(); }
    std::string url(const std::string& target) const;
    ServerRequest last_request();

private:
    boost::asio::awaitable<void> serve(boost::asio::ip::tcp::socket socket);

    std::function<ServerResponse(const ServerRequest&)> respond_;
    std::mutex mutex_;
    std::vector<ServerRequest> requests_;
    LocalServer server_;  // last: it stops before what its sessions use goes
};

// A response with a body, a Content-Type and an X-Shop header.
ServerResponse answer(boost::beast::http::status status, std::string body, std::string content_type = "text/plain");

}  // namespace billing::test
