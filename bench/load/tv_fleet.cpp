#include "tv_fleet.hpp"

#include <condition_variable>
#include <optional>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <fmt/format.h>

#include "tv_connection.hpp"

namespace billing::bench {

namespace asio = boost::asio;

struct TvFleet::Impl {
    asio::io_context io;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work{io.get_executor()};
    std::vector<std::thread> threads;
    asio::ip::tcp::endpoint server;
    bool follow = false;
    std::string run_id;  // keeps device keys of separate runs apart
    std::vector<std::shared_ptr<TvConnection>> tvs;
    // Guarded by changed_mutex: which TVs have shown a first screen or
    // failed ("settled"), and how many connections have ended.
    std::mutex changed_mutex;
    std::condition_variable changed;
    std::vector<bool> settled;
    std::size_t settled_count = 0, ended_count = 0;
    std::mutex print_mutex;

    void observe(std::size_t index, const TvConnection& tv, const nlohmann::json& message) {
        if (follow) print(index, tv, message);
        {
            std::lock_guard lock(changed_mutex);
            if (message.is_null()) ++ended_count;
            if (!settled[index] && (message.is_null() || message["type"] == "state")) {
                settled[index] = true;
                ++settled_count;
            }
        }
        changed.notify_all();
    }

    void print(std::size_t index, const TvConnection& tv, const nlohmann::json& message) {
        const auto screen = tv.screen();
        std::string line;
        if (message.is_null()) {
            line = fmt::format("tv {} closed: {}", index, screen.error);
        } else if (message["type"] == "state") {
            line = fmt::format("tv {} {} {}", index, screen.station_code.empty() ? "-" : screen.station_code, screen.mode);
            const auto& session = message.value("session", nlohmann::json());
            if (session.is_object() && session["remaining_ms"].is_number())
                line += fmt::format(", {} s left", session["remaining_ms"].get<std::int64_t>() / 1000);
        } else if (message["type"] == "paired") {
            line = fmt::format("tv {} paired to {}", index, message["station"].value("code", "?"));  // not the token
        } else if (message["type"] != "heartbeat" && message["type"] != "qr") {
            line = fmt::format("tv {} {}", index, message.dump());
        }
        if (line.empty()) return;
        std::lock_guard lock(print_mutex);
        fmt::print("{}\n", line);
        std::fflush(stdout);
    }
};

TvFleet::TvFleet(const std::string& host, unsigned short port, int threads, bool follow)
    : impl_(std::make_unique<Impl>()) {
    impl_->server = {asio::ip::make_address(host), port};
    impl_->follow = follow;
    impl_->run_id = fmt::format("{:08x}", std::random_device{}());
    for (int i = 0; i < threads; ++i) impl_->threads.emplace_back([this] { impl_->io.run(); });
}

TvFleet::~TvFleet() {
    impl_->work.reset();
    impl_->io.stop();
    for (auto& thread : impl_->threads) thread.join();
}

std::size_t TvFleet::size() const { return impl_->tvs.size(); }

TvScreen TvFleet::screen(std::size_t index) const { return impl_->tvs.at(index)->screen(); }

void TvFleet::connect(std::size_t count, std::size_t in_flight, std::chrono::seconds timeout) {
    const auto first = impl_->tvs.size();
    const auto target = first + count;
    std::unique_lock lock(impl_->changed_mutex);
    impl_->settled.resize(target, false);
    const auto deadline = Clock::now() + timeout;
    while (impl_->settled_count < target) {
        while (impl_->tvs.size() < target && impl_->tvs.size() < impl_->settled_count + in_flight) {
            const auto index = impl_->tvs.size();
            auto tv = std::make_shared<TvConnection>(
                impl_->io, impl_->server, fmt::format("tvsim-{}-{:05}", impl_->run_id, index),
                [impl = impl_.get(), index](const TvConnection& c, const nlohmann::json& m) { impl->observe(index, c, m); });
            impl_->tvs.push_back(tv);
            tv->start();
        }
        if (impl_->changed.wait_until(lock, deadline) == std::cv_status::timeout && impl_->settled_count < target)
            throw std::runtime_error(fmt::format("only {} of {} TVs showed a first screen within {} s",
                                                 impl_->settled_count - first, count, timeout.count()));
    }
    lock.unlock();
    for (auto i = first; i < target; ++i)
        if (auto screen = impl_->tvs[i]->screen(); !screen.greeted)
            throw std::runtime_error(fmt::format("TV {} did not connect: {}", i, screen.error));
}

void TvFleet::wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout, const std::string& what) {
    const auto deadline = Clock::now() + timeout;
    std::unique_lock lock(impl_->changed_mutex);
    // The predicate reads the TVs' screens, which take their own locks; the
    // short slices also catch a change made between two checks.
    while (true) {
        lock.unlock();
        if (done()) return;
        lock.lock();
        if (Clock::now() >= deadline)
            throw std::runtime_error(fmt::format("{}: not within {} ms", what, timeout.count()));
        impl_->changed.wait_for(lock, std::chrono::milliseconds(2));
    }
}

void TvFleet::close_all(std::chrono::seconds timeout) {
    for (auto& tv : impl_->tvs) tv->close();
    wait_until([this] { std::lock_guard lock(impl_->changed_mutex);
        return impl_->ended_count == impl_->tvs.size(); }, timeout, "closing every TV");
}

}  // namespace billing::bench
