// Event bus: time from publish() to the subscriber's handler running on its
// strand, with the host's real thread layout (a work io_context on 2 threads).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include "bus/event_bus.hpp"
#include "core/executors.hpp"

namespace {

using namespace billing::host;

// A work io_context run by two threads for the duration of a benchmark.
struct WorkThreads {
    boost::asio::io_context network, work;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard{work.get_executor()};
    std::vector<std::thread> threads;
    Executors executors{network, work};
    WorkThreads() {
        for (int i = 0; i < 2; ++i) threads.emplace_back([this] { work.run(); });
    }
    ~WorkThreads() {
        guard.reset();
        work.stop();
        for (auto& t : threads) t.join();
    }
};

// One event at a time: publish, wait until the handler saw it. Measures the
// full hand-over latency (queue + strand post + thread wake-up).
void BM_PublishToHandlerLatency(benchmark::State& state) {
    WorkThreads threads;
    EventBus bus(1024);
    std::mutex mutex;
    std::condition_variable seen;
    std::uint64_t last = 0;
    bus.subscribe("bench", "session.*", [&](const billing::sdk::Event& event) {
        std::lock_guard lock(mutex);
        last = event.sequence;
        seen.notify_one();
    }, threads.executors.make_worker_strand());
    nlohmann::json payload = {{"station", "TV01"}, {"minutes", 60}};
    for (auto _ : state) {
        auto sequence = bus.publish("session.started", payload, "bench");
        std::unique_lock lock(mutex);
        seen.wait(lock, [&] { return last >= sequence; });
    }
}
BENCHMARK(BM_PublishToHandlerLatency)->UseRealTime();

// Throughput: publish a burst to N subscribers, wait for all deliveries.
void BM_PublishFanOut(benchmark::State& state) {
    WorkThreads threads;
    const auto subscribers = static_cast<int>(state.range(0));
    EventBus bus(1 << 16);
    std::atomic<std::int64_t> delivered{0};
    for (int i = 0; i < subscribers; ++i)
        bus.subscribe("bench-" + std::to_string(i), "*", [&](const billing::sdk::Event&) { ++delivered; },
                      threads.executors.make_worker_strand());
    const int burst = 1000;
    for (auto _ : state) {
        delivered = 0;
        for (int i = 0; i < burst; ++i) bus.publish("tv.connected", {{"i", i}}, "bench");
        while (delivered.load() < std::int64_t{burst} * subscribers) std::this_thread::yield();
    }
    state.SetItemsProcessed(state.iterations() * burst * subscribers);
}
BENCHMARK(BM_PublishFanOut)->Arg(1)->Arg(10)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
