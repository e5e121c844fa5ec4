// The per-plugin adapters on a real strand: whatever they run goes through
// the plugin's strand and guard, and close() leaves nothing behind.
#include <atomic>
#include <mutex>
#include <stdexcept>

#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

#include "bus/event_bus.hpp"
#include "core/executors.hpp"
#include "plugins/plugin_bus.hpp"
#include "plugins/plugin_guard.hpp"
#include "plugins/plugin_scheduler.hpp"
#include "plugins/plugin_strand.hpp"
#include "worker_threads.hpp"

namespace billing::host {
namespace {

using namespace std::chrono_literals;
using plugin_test::eventually;

class PluginAdaptersTest : public ::testing::Test {
protected:
    std::vector<std::string> faults() {
        std::lock_guard lock(mutex);
        return fault_reasons;
    }

    boost::asio::io_context network, work;
    plugin_test::WorkerThreads workers{work};
    Executors executors{network, work};
    PluginStrand strand;
    std::mutex mutex;
    std::vector<std::string> fault_reasons;
    std::shared_ptr<PluginGuard> guard = std::make_shared<PluginGuard>("p", strand.poster(), [this](const std::string& r) {
        std::lock_guard lock(mutex);
        fault_reasons.push_back(r);
    });
    std::shared_ptr<PluginScheduler> scheduler = std::make_shared<PluginScheduler>(work, guard);
};

TEST_F(PluginAdaptersTest, StrandJobsExcludeTheManagersLock) {
    std::atomic<bool> ran{false};
    {
        auto lock = strand.lock();
        strand.poster()([&] { ran = true; });
        std::this_thread::sleep_for(100ms);
        EXPECT_FALSE(ran.load());
    }
    EXPECT_TRUE(eventually([&] { return ran.load(); }));
}

TEST_F(PluginAdaptersTest, AfterRunsOnceAndPostRuns) {
    std::atomic<int> once{0};
    std::atomic<bool> posted{false}, marker{false};
    scheduler->after(5ms, [&] { ++once; });
    scheduler->post([&] { posted = true; });
    scheduler->after(60ms, [&] { marker = true; });
    EXPECT_TRUE(eventually([&] { return marker.load(); }));
    EXPECT_EQ(once.load(), 1);
    EXPECT_TRUE(posted.load());
}

TEST_F(PluginAdaptersTest, EveryRepeatsUntilCancelled) {
    std::atomic<int> ticks{0};
    auto id = scheduler->every(2ms, [&] { ++ticks; });
    EXPECT_TRUE(eventually([&] { return ticks.load() >= 3; }));
    // Cancelled from the strand, as plugin code would, so no tick can be
    // running at the same moment.
    std::atomic<int> at_cancel{-1};
    scheduler->post([&] {
        scheduler->cancel(id);
        at_cancel = ticks.load();
    });
    std::atomic<bool> marker{false};
    scheduler->after(50ms, [&] { marker = true; });
    EXPECT_TRUE(eventually([&] { return marker.load(); }));
    EXPECT_EQ(ticks.load(), at_cancel.load());
    scheduler->cancel(id);  // again: nothing happens
    scheduler->cancel(12345);
}

TEST_F(PluginAdaptersTest, CloseCancelsEverythingAndRefusesMore) {
    std::atomic<int> ticks{0};
    std::atomic<bool> late{false};
    scheduler->every(2ms, [&] { ++ticks; });
    scheduler->after(30ms, [&] { late = true; });
    EXPECT_TRUE(eventually([&] { return ticks.load() >= 1; }));
    {
        auto lock = strand.lock();  // as the manager does
        guard->close();
        scheduler->close();
    }
    int at_close = ticks.load();
    std::this_thread::sleep_for(150ms);
    EXPECT_EQ(ticks.load(), at_close);
    EXPECT_FALSE(late.load());
    EXPECT_THROW(scheduler->every(1ms, [] {}), std::logic_error);
    EXPECT_THROW(scheduler->post([] {}), std::logic_error);
    EXPECT_TRUE(faults().empty());
}

TEST_F(PluginAdaptersTest, ThrowingTimerWorkFaultsThePluginOnce) {
    std::atomic<int> calls{0};
    scheduler->every(2ms, [&] {
        ++calls;
        throw std::runtime_error("tick failed");
    });
    EXPECT_TRUE(eventually([&] { return !faults().empty(); }));
    EXPECT_TRUE(guard->closed());
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(calls.load(), 1);
    EXPECT_EQ(faults(), std::vector<std::string>{"tick failed"});
}

TEST_F(PluginAdaptersTest, BusHandlersRunGuardedAndCloseUnsubscribes) {
    EventBus bus;
    auto plugin_bus = std::make_shared<PluginBus>(bus, guard);
    std::atomic<int> seen{0};
    std::string source;
    plugin_bus->subscribe("a.*", [&](const sdk::Event& event) {
        source = event.source;
        ++seen;
    });
    auto second = plugin_bus->subscribe("a.b", [&](const sdk::Event&) { ++seen; });
    plugin_bus->publish("a.b", {});
    EXPECT_TRUE(eventually([&] { return seen.load() == 2; }));
    EXPECT_EQ(source, "p");
    EXPECT_EQ(bus.stats("p").subscriptions, 2u);

    plugin_bus->unsubscribe(second);
    EXPECT_EQ(bus.stats("p").subscriptions, 1u);
    plugin_bus->close();
    EXPECT_EQ(bus.stats("p").subscriptions, 0u);
    EXPECT_THROW(plugin_bus->subscribe("x*", [](const sdk::Event&) {}), std::invalid_argument)
        << "malformed patterns are the plugin's error";
}

TEST_F(PluginAdaptersTest, AThrowingBusHandlerFaultsThePlugin) {
    EventBus bus;
    auto plugin_bus = std::make_shared<PluginBus>(bus, guard);
    plugin_bus->subscribe("a.b", [](const sdk::Event&) { throw std::runtime_error("handler failed"); });
    bus.publish("a.b", {}, "host");
    EXPECT_TRUE(eventually([&] { return !faults().empty(); }));
    EXPECT_EQ(faults(), std::vector<std::string>{"handler failed"});
}

}  // namespace
}  // namespace billing::host
