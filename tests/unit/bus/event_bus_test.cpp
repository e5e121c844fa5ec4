#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

#include "bus/event_bus.hpp"
#include "core/executors.hpp"

namespace billing::host {
namespace {

using namespace std::chrono_literals;

// A poster that only queues: the test decides when queued work runs, so it
// can observe what happened before any handler ran.
class ManualPoster {
public:
    Poster poster() {
        return [this](std::function<void()> job) {
            std::lock_guard lock(mutex_);
            jobs_.push_back(std::move(job));
        };
    }
    std::size_t pending() {
        std::lock_guard lock(mutex_);
        return jobs_.size();
    }
    // Runs queued jobs, including those they queue, until none is left.
    void run_all() {
        while (true) {
            std::function<void()> job;
            {
                std::lock_guard lock(mutex_);
                if (jobs_.empty()) return;
                job = std::move(jobs_.front());
                jobs_.pop_front();
            }
            job();
        }
    }

private:
    std::mutex mutex_;
    std::deque<std::function<void()>> jobs_;
};

std::vector<std::string> topics_of(const std::vector<sdk::Event>& events) {
    std::vector<std::string> topics;
    for (const auto& e : events) topics.push_back(e.topic);
    return topics;
}

TEST(EventBus, ExactSubscriptionGetsOnlyItsTopic) {
    EventBus bus;
    ManualPoster runner;
    std::vector<sdk::Event> seen;
    bus.subscribe("p", "session.started", [&](const sdk::Event& e) { seen.push_back(e); }, runner.poster());
    bus.publish("session.started", {{"n", 1}}, "host");
    bus.publish("session.ended", {}, "host");
    bus.publish("session.started.extra", {}, "host");
    runner.run_all();
    ASSERT_EQ(topics_of(seen), std::vector<std::string>{"session.started"});
    EXPECT_EQ(seen[0].payload["n"], 1);
    EXPECT_EQ(seen[0].source, "host");
    EXPECT_GT(seen[0].at_ms, 0);
}

TEST(EventBus, PrefixSubscriptionGetsTopicsUnderThePrefix) {
    EventBus bus;
    ManualPoster runner;
    std::vector<sdk::Event> seen;
    bus.subscribe("p", "session.*", [&](const sdk::Event& e) { seen.push_back(e); }, runner.poster());
    for (const char* topic : {"session.started", "sessions.started", "session", "session.a.b", "tv.command"})
        bus.publish(topic, {}, "host");
    runner.run_all();
    EXPECT_EQ(topics_of(seen), (std::vector<std::string>{"session.started", "session.a.b"}));
}

TEST(EventBus, StarSubscriptionGetsEverythingInSequenceOrder) {
    EventBus bus;
    ManualPoster runner;
    std::vector<sdk::Event> seen;
    bus.subscribe("p", "*", [&](const sdk::Event& e) { seen.push_back(e); }, runner.poster());
    auto first = bus.publish("a.b", {}, "x");
    auto second = bus.publish("c", {}, "y");
    runner.run_all();
    EXPECT_EQ(topics_of(seen), (std::vector<std::string>{"a.b", "c"}));
    EXPECT_LT(first, second);
    EXPECT_EQ(seen[0].sequence, first);
    EXPECT_EQ(seen[1].sequence, second);
}

TEST(EventBus, MalformedPatternsAndTopicsAreRefused) {
    EventBus bus;
    ManualPoster runner;
    for (const char* pattern : {"", "a*", "*.x", ".*", "a.*.b", "a b", "**"})
        EXPECT_THROW(bus.subscribe("p", pattern, [](const sdk::Event&) {}, runner.poster()), std::invalid_argument)
            << pattern;
    for (const char* topic : {"", "a.*", "a b"}) EXPECT_THROW(bus.publish(topic, {}, "host"), std::invalid_argument);
}

TEST(EventBus, PublishNeverRunsAHandlerOnThePublishersStack) {
    EventBus bus;
    ManualPoster runner;
    int calls = 0;
    bus.subscribe("p", "a.b", [&](const sdk::Event&) { ++calls; }, runner.poster());
    bus.publish("a.b", {}, "host");
    bus.publish("a.b", {}, "host");
    EXPECT_EQ(calls, 0);
    // One drain for the queue going from empty to non-empty, not one per event.
    EXPECT_EQ(runner.pending(), 1u);
    runner.run_all();
    EXPECT_EQ(calls, 2);
}

TEST(EventBus, FullQueueDropsAndCounts) {
    EventBus bus(3);
    ManualPoster runner;
    int calls = 0;
    bus.subscribe("p", "a.*", [&](const sdk::Event&) { ++calls; }, runner.poster());
    for (int i = 0; i < 5; ++i) bus.publish("a.x", {{"i", i}}, "host");
    auto stats = bus.stats("p");
    EXPECT_EQ(stats.queued, 3u);
    EXPECT_EQ(stats.dropped, 2u);
    EXPECT_EQ(stats.delivered, 0u);
    EXPECT_EQ(stats.subscriptions, 1u);
    runner.run_all();
    EXPECT_EQ(calls, 3);
    stats = bus.stats("p");
    EXPECT_EQ(stats.queued, 0u);
    EXPECT_EQ(stats.delivered, 3u);
}

TEST(EventBus, UnsubscribeWhileADrainIsQueuedDeliversNothingMore) {
    EventBus bus;
    ManualPoster runner;
    int calls = 0;
    auto id = bus.subscribe("p", "a.b", [&](const sdk::Event&) { ++calls; }, runner.poster());
    bus.publish("a.b", {}, "host");
    ASSERT_EQ(runner.pending(), 1u);
    bus.unsubscribe(id);
    runner.run_all();
    EXPECT_EQ(calls, 0);
    EXPECT_EQ(bus.stats("p").subscriptions, 0u);
    EXPECT_EQ(bus.stats("p").queued, 0u);
    bus.unsubscribe(id);  // unknown now: ignored
}

TEST(EventBus, UnsubscribeOwnerRemovesOnlyThatOwnerAndKeepsItsTotals) {
    EventBus bus(1);
    ManualPoster runner;
    int p_calls = 0, q_calls = 0;
    bus.subscribe("p", "a.*", [&](const sdk::Event&) { ++p_calls; }, runner.poster());
    bus.subscribe("p", "*", [&](const sdk::Event&) { ++p_calls; }, runner.poster());
    bus.subscribe("q", "a.b", [&](const sdk::Event&) { ++q_calls; }, runner.poster());
    bus.publish("a.b", {}, "host");
    bus.publish("a.b", {}, "host");  // dropped by each full queue
    runner.run_all();
    bus.unsubscribe_owner("p");
    bus.publish("a.b", {}, "host");
    runner.run_all();
    EXPECT_EQ(p_calls, 2);
    EXPECT_EQ(q_calls, 2);
    auto p = bus.stats("p");
    EXPECT_EQ(p.delivered, 2u);
    EXPECT_EQ(p.dropped, 2u);
    EXPECT_EQ(p.subscriptions, 0u);
    EXPECT_EQ(bus.stats("q").subscriptions, 1u);
}

TEST(EventBus, LongQueuesAreDrainedInOrderAcrossSeveralTurns) {
    EventBus bus;
    ManualPoster runner;
    std::vector<int> seen;
    bus.subscribe("p", "n", [&](const sdk::Event& e) { seen.push_back(e.payload.get<int>()); }, runner.poster());
    for (int i = 0; i < 200; ++i) bus.publish("n", i, "host");
    runner.run_all();
    ASSERT_EQ(seen.size(), 200u);
    for (int i = 0; i < 200; ++i) EXPECT_EQ(seen[static_cast<std::size_t>(i)], i);
}

TEST(EventBus, AThrowingHandlerDoesNotStopLaterDeliveries) {
    EventBus bus;
    ManualPoster runner;
    int calls = 0;
    bus.subscribe("p", "n", [&](const sdk::Event&) {
        ++calls;
        throw std::runtime_error("boom");
    }, runner.poster());
    bus.publish("n", {}, "host");
    bus.publish("n", {}, "host");
    runner.run_all();
    EXPECT_EQ(calls, 2);
}

// With a real strand on four worker threads, one owner's handlers never
// overlap, and every event arrives on a thread other than the publisher's.
TEST(EventBus, OneOwnersHandlersAreSerialisedOnItsStrand) {
    boost::asio::io_context network, work;
    auto guard = boost::asio::make_work_guard(work);
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) threads.emplace_back([&] { work.run(); });
    Executors executors(network, work);
    auto strand = executors.make_worker_strand();

    EventBus bus;
    std::atomic<int> inside{0};
    std::atomic<bool> overlapped{false};
    std::atomic<int> delivered{0};
    std::atomic<bool> on_publisher_thread{false};
    const auto publisher = std::this_thread::get_id();
    auto handler = [&](const sdk::Event&) {
        if (inside.fetch_add(1) != 0) overlapped = true;
        if (std::this_thread::get_id() == publisher) on_publisher_thread = true;
        std::this_thread::yield();
        inside.fetch_sub(1);
        delivered.fetch_add(1);
    };
    bus.subscribe("p", "a.*", handler, strand);
    bus.subscribe("p", "a.b", handler, strand);
    bus.subscribe("p", "*", handler, strand);
    for (int i = 0; i < 300; ++i) bus.publish("a.b", i, "host");

    auto deadline = std::chrono::steady_clock::now() + 30s;
    while (delivered.load() < 900 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
    guard.reset();
    work.stop();
    for (auto& t : threads) t.join();
    EXPECT_EQ(delivered.load(), 900);
    EXPECT_FALSE(overlapped.load());
    EXPECT_FALSE(on_publisher_thread.load());
}

}  // namespace
}  // namespace billing::host
