#include "dashboard_fleet.hpp"

#include <algorithm>
#include <cstdint>
#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "core/clock.hpp"
#include "support/sse_parser.hpp"

namespace billing::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using namespace std::chrono_literals;

namespace {

// The event's "at" instant in Unix ms, found in its JSON text without
// parsing the whole document (the dashboards share the cores with the host).
std::optional<std::int64_t> published_at(const std::string& data) {
    constexpr std::string_view key = "\"at\":\"";
    const auto start = data.find(key);
    if (start == std::string::npos) return std::nullopt;
    const auto end = data.find('"', start + key.size());
    if (end == std::string::npos) return std::nullopt;
    std::int64_t unix_ms = 0;
    if (!host::parse_instant(data.substr(start + key.size(), end - start - key.size()), unix_ms)) return std::nullopt;
    return unix_ms;
}

}  // namespace

struct DashboardFleet::Impl {
    // One dashboard's stream and what it received.
    struct Dashboard {
        explicit Dashboard(asio::io_context& io) : stream(io) {}
        beast::tcp_stream stream;
        std::size_t received = 0;
        std::vector<double> delays_ms;
        bool ended = false;
    };

    asio::io_context io;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work{io.get_executor()};
    std::vector<std::thread> threads;
    unsigned short port = 0;
    std::string token, prefix;
    std::vector<std::unique_ptr<Dashboard>> dashboards;
    mutable std::mutex mutex;  // guards every Dashboard's counters
    std::condition_variable changed;

    // Opens the stream, reports its status through `opened`, then reads
    // events until the stream ends.
    asio::awaitable<void> listen(Dashboard& dashboard, std::promise<int>& opened) {
        beast::flat_buffer buffer;
        http::response_parser<http::buffer_body> parser;
        parser.body_limit(boost::none);
        try {
            dashboard.stream.expires_after(10s);
            co_await dashboard.stream.async_connect({asio::ip::address_v4::loopback(), port}, asio::use_awaitable);
            http::request<http::empty_body> request{http::verb::get, "/api/v1/events", 11};
            request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
            request.set(http::field::accept, "text/event-stream");
            request.set(http::field::authorization, "Bearer " + token);
            co_await http::async_write(dashboard.stream, request, asio::use_awaitable);
            co_await http::async_read_header(dashboard.stream, buffer, parser, asio::use_awaitable);
            dashboard.stream.expires_never();
        } catch (const std::exception&) {
            opened.set_value(0);
            co_return finish(dashboard);
        }
        opened.set_value(static_cast<int>(parser.get().result_int()));
        test::SseParser sse;
        char chunk[16384];
        while (!parser.is_done()) {
            parser.get().body().data = chunk;
            parser.get().body().size = sizeof chunk;
            auto [error, ignored] =
                co_await http::async_read_some(dashboard.stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
            const auto arrived = host::now_ms();
            take(dashboard, sse.feed(std::string_view(chunk, sizeof chunk - parser.get().body().size)), arrived);
            if (error && error != http::error::need_buffer) break;
        }
        finish(dashboard);
    }

    void take(Dashboard& dashboard, const test::SseParser::Output& output, std::int64_t arrived_ms) {
        std::size_t matching = 0;
        std::lock_guard lock(mutex);
        for (const auto& event : output.events) {
            if (!event.event.starts_with(prefix)) continue;
            const auto at = published_at(event.data);
            if (!at) continue;
            dashboard.delays_ms.push_back(static_cast<double>(arrived_ms - *at));
            ++matching;
        }
        if (matching == 0) return;
        dashboard.received += matching;
        changed.notify_all();
    }

    // Called with the mutex held.
    std::size_t fewest_received() const {
        std::size_t fewest = SIZE_MAX;
        for (const auto& dashboard : dashboards) fewest = std::min(fewest, dashboard->received);
        return dashboards.empty() ? 0 : fewest;
    }

    void finish(Dashboard& dashboard) {
        std::lock_guard lock(mutex);
        dashboard.ended = true;
        changed.notify_all();
    }
};

DashboardFleet::DashboardFleet(unsigned short port, const std::string& token, std::size_t dashboards, int threads,
                               std::string topic_prefix)
    : impl_(std::make_unique<Impl>()) {
    impl_->port = port;
    impl_->token = token;
    impl_->prefix = std::move(topic_prefix);
    std::vector<std::promise<int>> opened(dashboards);
    for (std::size_t i = 0; i < dashboards; ++i) {
        impl_->dashboards.push_back(std::make_unique<Impl::Dashboard>(impl_->io));
        asio::co_spawn(impl_->io, impl_->listen(*impl_->dashboards.back(), opened[i]), [](std::exception_ptr) {});
    }
    for (int i = 0; i < threads; ++i) impl_->threads.emplace_back([this] { impl_->io.run(); });
    for (std::size_t i = 0; i < dashboards; ++i)
        if (const auto status = opened[i].get_future().get(); status != 200)
            throw std::runtime_error("dashboard " + std::to_string(i) + ": GET /api/v1/events on 127.0.0.1:" +
                                     std::to_string(port) + (status ? " answered " + std::to_string(status)
                                                                    : std::string(" got no answer")));
}

DashboardFleet::~DashboardFleet() {
    // Closing the sockets ends the listeners; then the threads can finish.
    asio::post(impl_->io, [impl = impl_.get()] {
        for (auto& dashboard : impl->dashboards) {
            beast::error_code ignored;
            dashboard->stream.socket().close(ignored);
        }
    });
    impl_->work.reset();
    for (auto& thread : impl_->threads) thread.join();
}

bool DashboardFleet::wait_for(std::size_t events, std::chrono::milliseconds timeout) {
    std::unique_lock lock(impl_->mutex);
    return impl_->changed.wait_for(lock, timeout, [&] {
        return std::all_of(impl_->dashboards.begin(), impl_->dashboards.end(),
                           [&](const auto& dashboard) { return dashboard->received >= events || dashboard->ended; });
    }) && impl_->fewest_received() >= events;
}

std::size_t DashboardFleet::fewest_received() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->fewest_received();
}

std::vector<double> DashboardFleet::delays_ms() const {
    std::lock_guard lock(impl_->mutex);
    std::vector<double> all;
    for (const auto& dashboard : impl_->dashboards)
        all.insert(all.end(), dashboard->delays_ms.begin(), dashboard->delays_ms.end());
    return all;
}

}  // namespace billing::bench
