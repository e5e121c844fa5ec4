#include "recording_http_server.hpp"

#include <stdexcept>

#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

namespace billing::test {

namespace asio = boost::asio;
namespace http = boost::beast::http;

RecordingHttpServer::RecordingHttpServer(std::function<ServerResponse(const ServerRequest&)> respond)
    : respond_(std::move(respond)),
      server_([this](asio::ip::tcp::socket socket) { return serve(std::move(socket)); }) {}

std::string RecordingHttpServer::url(const std::string& target) const {
    return "http://127.0.0.1:" + std::to_string(port()) + target;
}

ServerRequest RecordingHttpServer::last_request() {
    std::lock_guard lock(mutex_);
    if (requests_.empty()) throw std::logic_error("the server has not seen a request");
    return requests_.back();
}

asio::awaitable<void> RecordingHttpServer::serve(asio::ip::tcp::socket socket) {
    boost::beast::flat_buffer buffer;
    ServerRequest request;
    co_await http::async_read(socket, buffer, request, asio::use_awaitable);
    ServerResponse response = respond_(request);
    {
        std::lock_guard lock(mutex_);
        requests_.push_back(std::move(request));
    }
    response.prepare_payload();
    co_await http::async_write(socket, response, asio::use_awaitable);
}

ServerResponse answer(http::status status, std::string body, std::string content_type) {
    ServerResponse response{status, 11};
    response.set(http::field::content_type, content_type);
    response.set("X-Shop", "Rental PS");
    response.body() = std::move(body);
    return response;
}

}  // namespace billing::test
