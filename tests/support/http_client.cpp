#include "support/http_client.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "support/asio_support.hpp"

namespace billing::test {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

HttpResult to_result(http::response<http::string_body>& response) {
    HttpResult result;
    result.status = static_cast<int>(response.result_int());
    for (const auto& field : response) {
        // Repeated fields (Set-Cookie, Vary) are folded as HTTP allows.
        auto& value = result.headers[lower(std::string(field.name_string()))];
        value += value.empty() ? std::string(field.value()) : ", " + std::string(field.value());
    }
    result.body = std::move(response.body());
    return result;
}

asio::awaitable<HttpResult> exchange(unsigned short port, http::request<http::string_body> request) {
    beast::tcp_stream stream(co_await asio::this_coro::executor);
    stream.expires_after(kClientTimeout);
    co_await stream.async_connect(loopback(port), asio::use_awaitable);
    co_await http::async_write(stream, request, asio::use_awaitable);

    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(boost::none);  // backups are large, and tests want all of it
    parser.skip(request.method() == http::verb::head);
    co_await http::async_read(stream, buffer, parser, asio::use_awaitable);
    co_return to_result(parser.get());
}

asio::awaitable<std::string> exchange_raw(unsigned short port, std::string bytes) {
    beast::tcp_stream stream(co_await asio::this_coro::executor);
    stream.expires_after(kClientTimeout);
    co_await stream.async_connect(loopback(port), asio::use_awaitable);
    // The server may answer and close before taking every byte (an oversized
    // request, say): a failed write still leaves its answer to read.
    co_await asio::async_write(stream, asio::buffer(bytes), asio::as_tuple(asio::use_awaitable));

    std::string received;
    char chunk[16 * 1024];
    for (;;) {
        auto [error, size] = co_await stream.async_read_some(asio::buffer(chunk), asio::as_tuple(asio::use_awaitable));
        received.append(chunk, size);
        if (error) break;
    }
    co_return received;
}

}  // namespace

nlohmann::json HttpResult::json() const {
    try {
        return nlohmann::json::parse(body);
    } catch (const nlohmann::json::parse_error&) {
        throw std::runtime_error("response body is not JSON (HTTP " + std::to_string(status) + "): " + body);
    }
}

std::string HttpResult::error_code() const {
    auto parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_object() && parsed.contains("error") && parsed["error"].is_object() &&
        parsed["error"].contains("code") && parsed["error"]["code"].is_string()) {
        return parsed["error"]["code"].get<std::string>();
    }
    return {};
}

HttpClient::HttpClient(unsigned short port) : port_(port) {}

void HttpClient::set_token(std::string token) { token_ = std::move(token); }

HttpResult HttpClient::request(std::string method, std::string target, std::string body,
                               std::map<std::string, std::string> headers) {
    http::request<http::string_body> request;
    request.method_string(method);
    request.target(target);
    request.version(11);
    request.set(http::field::host, "127.0.0.1:" + std::to_string(port_));
    request.set(http::field::connection, "close");
    if (!token_.empty()) request.set(http::field::authorization, "Bearer " + token_);
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = std::move(body);
    request.prepare_payload();
    try {
        return run_blocking(exchange(port_, std::move(request)));
    } catch (const std::exception& e) {
        throw std::runtime_error(method + " " + target + " on 127.0.0.1:" + std::to_string(port_) +
                                 " got no answer: " + e.what());
    }
}

HttpResult HttpClient::get(const std::string& target) { return request("GET", target); }

HttpResult HttpClient::post(const std::string& target, const nlohmann::json& body) {
    return request("POST", target, body.dump(), {{"Content-Type", "application/json"}});
}

HttpResult HttpClient::put(const std::string& target, const nlohmann::json& body) {
    return request("PUT", target, body.dump(), {{"Content-Type", "application/json"}});
}

HttpResult HttpClient::del(const std::string& target) { return request("DELETE", target); }

std::string HttpClient::raw(const std::string& bytes) {
    try {
        return run_blocking(exchange_raw(port_, bytes));
    } catch (const std::exception& e) {
        throw std::runtime_error("raw request to 127.0.0.1:" + std::to_string(port_) + " failed: " + e.what());
    }
}

}  // namespace billing::test
