#include "support/sse_client.hpp"

#include <gtest/gtest.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <stdexcept>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "support/asio_support.hpp"

namespace billing::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

struct SseClient::Impl {
    IoThread io;
    beast::tcp_stream stream{io.context()};
    beast::flat_buffer buffer;
    http::response_parser<http::buffer_body> parser;
    SseParser sse;

    mutable std::mutex mutex;
    std::condition_variable changed;
    std::deque<SseEvent> events;
    bool heartbeat = false;
    bool closed = false;
    int status = 0;

    // Sends the request and reads the response header, then leaves the body
    // to read_body() in the background.
    asio::awaitable<int> open(unsigned short port, std::string target, std::map<std::string, std::string> headers) {
        stream.expires_after(kClientTimeout);
        co_await stream.async_connect(loopback(port), asio::use_awaitable);
        http::request<http::empty_body> request{http::verb::get, target, 11};
        request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
        request.set(http::field::accept, "text/event-stream");
        for (const auto& [name, value] : headers) request.set(name, value);
        co_await http::async_write(stream, request, asio::use_awaitable);
        co_await http::async_read_header(stream, buffer, parser, asio::use_awaitable);
        // The stream stays open for as long as the test wants it.
        stream.expires_never();
        asio::co_spawn(io.context(), read_body(), asio::detached);
        co_return static_cast<int>(parser.get().result_int());
    }

    asio::awaitable<void> read_body() {
        char chunk[8192];
        while (!parser.is_done()) {
            parser.get().body().data = chunk;
            parser.get().body().size = sizeof chunk;
            auto [error, ignored] = co_await http::async_read_some(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
            take(std::string_view(chunk, sizeof chunk - parser.get().body().size));
            if (error && error != http::error::need_buffer) break;
        }
        std::lock_guard lock(mutex);
        closed = true;
        changed.notify_all();
    }

    void take(std::string_view bytes) {
        auto output = sse.feed(bytes);
        std::lock_guard lock(mutex);
        for (auto& event : output.events) events.push_back(std::move(event));
        for (const auto& comment : output.comments) heartbeat = heartbeat || comment == "heartbeat";
        changed.notify_all();
    }
};

SseClient::SseClient(unsigned short port, std::string target, std::map<std::string, std::string> headers)
    : impl_(std::make_unique<Impl>()) {
    try {
        impl_->status = impl_->io.run(impl_->open(port, target, std::move(headers)));
    } catch (const std::exception& e) {
        impl_->io.join();
        throw std::runtime_error("SSE GET " + target + " on 127.0.0.1:" + std::to_string(port) +
                                 " got no answer: " + e.what());
    }
}

SseClient::~SseClient() {
    // Closing the socket ends read_body(), after which the thread can stop.
    asio::post(impl_->io.context(), [impl = impl_.get()] {
        beast::error_code ignored;
        impl->stream.socket().close(ignored);
    });
    impl_->io.join();
}

int SseClient::status() const { return impl_->status; }

std::optional<SseEvent> SseClient::next(std::chrono::milliseconds timeout) {
    std::unique_lock lock(impl_->mutex);
    impl_->changed.wait_for(lock, timeout, [this] { return !impl_->events.empty() || impl_->closed; });
    if (impl_->events.empty()) return std::nullopt;
    SseEvent event = std::move(impl_->events.front());
    impl_->events.pop_front();
    return event;
}

bool SseClient::saw_heartbeat() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->heartbeat;
}

bool SseClient::closed() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->closed;
}

nlohmann::json next_event(SseClient& events, const std::string& topic, std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        auto event = events.next(std::chrono::milliseconds(500));
        if (event && event->event == topic) return nlohmann::json::parse(event->data);
    }
    ADD_FAILURE() << "no " << topic << " event within " << timeout.count() << " s";
    return nullptr;
}

}  // namespace billing::test
