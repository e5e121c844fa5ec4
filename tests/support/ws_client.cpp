#include "support/ws_client.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <stdexcept>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include "support/asio_support.hpp"

namespace billing::test {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using Stream = websocket::stream<beast::tcp_stream>;

// Connects and asks for the upgrade. A refusal is not an error here: the
// caller reads the status of the returned response (101 when accepted).
asio::awaitable<websocket::response_type> handshake(Stream& ws, unsigned short port, std::string target,
                                                    std::map<std::string, std::string> headers) {
    auto& tcp = beast::get_lowest_layer(ws);
    tcp.expires_after(kClientTimeout);
    co_await tcp.async_connect(loopback(port), asio::use_awaitable);
    ws.set_option(websocket::stream_base::decorator([headers](websocket::request_type& request) {
        for (const auto& [name, value] : headers) request.set(name, value);
    }));
    websocket::response_type response;
    auto [error] = co_await ws.async_handshake(response, "127.0.0.1:" + std::to_string(port), target,
                                               asio::as_tuple(asio::use_awaitable));
    if (error && error != websocket::error::upgrade_declined) throw beast::system_error(error);
    // Beast's own WebSocket timeouts take over from the TCP deadline.
    tcp.expires_never();
    ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    co_return response;
}

std::string describe(const std::string& target, unsigned short port) {
    return "WebSocket " + target + " on 127.0.0.1:" + std::to_string(port);
}

}  // namespace

struct WsClient::Impl {
    IoThread io;
    Stream ws{io.context()};

    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::string> messages;
    bool closed = false;
    bool finished = false;  // close() ran: the I/O thread is gone

    asio::awaitable<websocket::response_type> open(unsigned short port, std::string target,
                                                   std::map<std::string, std::string> headers) {
        auto response = co_await handshake(ws, port, std::move(target), std::move(headers));
        if (response.result() == beast::http::status::switching_protocols) {
            ws.text(true);
            asio::co_spawn(io.context(), read_messages(), asio::detached);
        }
        co_return response;
    }

    asio::awaitable<void> read_messages() {
        beast::flat_buffer buffer;
        for (;;) {
            auto [error, size] = co_await ws.async_read(buffer, asio::as_tuple(asio::use_awaitable));
            if (error) break;
            std::lock_guard lock(mutex);
            messages.push_back(beast::buffers_to_string(buffer.data()));
            buffer.consume(size);
            changed.notify_all();
        }
        std::lock_guard lock(mutex);
        closed = true;
        changed.notify_all();
    }

    asio::awaitable<void> write(std::string text) {
        co_await ws.async_write(asio::buffer(text), asio::use_awaitable);
    }

    asio::awaitable<void> close_politely() {
        co_await ws.async_close(websocket::close_code::normal, asio::as_tuple(asio::use_awaitable));
    }
};

WsClient::WsClient(unsigned short port, std::string target, std::map<std::string, std::string> headers)
    : impl_(std::make_unique<Impl>()) {
    websocket::response_type response;
    try {
        response = impl_->io.run(impl_->open(port, target, std::move(headers)));
    } catch (const std::exception& e) {
        impl_->io.join();
        throw std::runtime_error(describe(target, port) + " got no answer: " + e.what());
    }
    if (response.result() != beast::http::status::switching_protocols) {
        impl_->io.join();
        throw std::runtime_error(describe(target, port) + " refused with HTTP " +
                                 std::to_string(response.result_int()) + ": " + response.body());
    }
}

WsClient::~WsClient() { close(); }

void WsClient::send(const std::string& text) {
    if (impl_->finished) throw std::runtime_error("WebSocket send after close()");
    try {
        impl_->io.run(impl_->write(text));
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("WebSocket send failed: ") + e.what());
    }
}

std::optional<std::string> WsClient::receive(std::chrono::milliseconds timeout) {
    std::unique_lock lock(impl_->mutex);
    impl_->changed.wait_for(lock, timeout, [this] { return !impl_->messages.empty() || impl_->closed; });
    if (impl_->messages.empty()) return std::nullopt;
    std::string message = std::move(impl_->messages.front());
    impl_->messages.pop_front();
    return message;
}

bool WsClient::closed() {
    std::lock_guard lock(impl_->mutex);
    return impl_->closed;
}

void WsClient::close() {
    if (impl_->finished) return;
    impl_->finished = true;
    if (!closed()) impl_->io.run(impl_->close_politely());
    // Whatever the close handshake did, closing the socket ends the reader.
    asio::post(impl_->io.context(), [impl = impl_.get()] {
        beast::error_code ignored;
        beast::get_lowest_layer(impl->ws).socket().close(ignored);
    });
    impl_->io.join();
}

int ws_upgrade_status(unsigned short port, std::string target, std::map<std::string, std::string> headers) {
    try {
        return run_blocking([](unsigned short p, std::string t, std::map<std::string, std::string> h)
                                -> asio::awaitable<int> {
            Stream ws(co_await asio::this_coro::executor);
            auto response = co_await handshake(ws, p, std::move(t), std::move(h));
            co_return static_cast<int>(response.result_int());
        }(port, target, std::move(headers)));
    } catch (const std::exception& e) {
        throw std::runtime_error(describe(target, port) + " got no answer: " + e.what());
    }
}

}  // namespace billing::test
