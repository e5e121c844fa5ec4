#include "keep_alive_client.hpp"

#include <stdexcept>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace billing::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

struct KeepAliveClient::Impl {
    unsigned short port;
    std::string token;
    asio::io_context context;
    asio::ip::tcp::socket socket{context};
    beast::flat_buffer buffer;

    void connect_if_closed() {
        if (socket.is_open()) return;
        buffer.clear();
        socket.connect({asio::ip::address_v4::loopback(), port});
        socket.set_option(asio::ip::tcp::no_delay(true));
    }

    http::response<http::string_body> exchange(const http::request<http::string_body>& request) {
        connect_if_closed();
        http::write(socket, request);
        http::response<http::string_body> response;
        http::read(socket, buffer, response);
        if (!response.keep_alive()) {
            beast::error_code ignored;
            socket.close(ignored);
        }
        return response;
    }
};

KeepAliveClient::KeepAliveClient(unsigned short port, std::string token)
    : impl_(std::make_unique<Impl>()) {
    impl_->port = port;
    impl_->token = std::move(token);
}

KeepAliveClient::~KeepAliveClient() = default;

nlohmann::json KeepAliveClient::call(const std::string& method, const std::string& target,
                                     const nlohmann::json& body, int expected_status) {
    http::request<http::string_body> request;
    request.method_string(method);
    request.target(target);
    request.version(11);
    request.keep_alive(true);
    request.set(http::field::host, "127.0.0.1:" + std::to_string(impl_->port));
    request.set(http::field::authorization, "Bearer " + impl_->token);
    if (method != "GET") {
        request.set(http::field::content_type, "application/json");
        request.body() = body.dump();
    }
    request.prepare_payload();

    http::response<http::string_body> response;
    try {
        response = impl_->exchange(request);
    } catch (const std::exception& error) {
        beast::error_code ignored;
        impl_->socket.close(ignored);
        throw std::runtime_error(method + " " + target + " on 127.0.0.1:" + std::to_string(impl_->port) +
                                 " got no answer: " + error.what());
    }
    const int status = static_cast<int>(response.result_int());
    if (status != expected_status)
        throw std::runtime_error(method + " " + target + " answered " + std::to_string(status) + " (expected " +
                                 std::to_string(expected_status) + "): " + response.body());
    return response.body().empty() ? nlohmann::json() : nlohmann::json::parse(response.body());
}

}  // namespace billing::bench
