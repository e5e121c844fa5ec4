#include "plugins/plugin_strand.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <future>
#include <mutex>
#include <thread>

#include <spdlog/spdlog.h>

namespace billing::host {

using Clock = std::chrono::steady_clock;

// One thread and its queue. `busy` is set while a job runs or a manager's
// Lock is held, so the two exclude each other.
struct PluginStrand::Lane {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::function<void()>> jobs;
    bool busy = false;
    Clock::time_point busy_since{};
    bool abandoned = false;  // the thread ends after its current job
    bool stopping = false;   // the thread ends once the queue is empty

    void post(std::function<void()> job) {
        {
            std::lock_guard lock(mutex);
            if (stopping) return;
            jobs.push_back(std::move(job));
        }
        changed.notify_all();
    }

    // Marks the lane busy once it is free; false if it was abandoned first.
    bool acquire(std::unique_lock<std::mutex>& lock) {
        changed.wait(lock, [&] { return !busy || abandoned; });
        if (abandoned) return false;
        busy = true;
        busy_since = Clock::now();
        return true;
    }

    void release() {
        {
            std::lock_guard lock(mutex);
            busy = false;
        }
        changed.notify_all();
    }

    // The lane's thread: jobs one at a time, each excluded from the
    // manager's Lock.
    static void run(const std::shared_ptr<Lane>& lane) {
        for (;;) {
            std::function<void()> job;
            {
                std::unique_lock lock(lane->mutex);
                lane->changed.wait(lock, [&] {
                    return lane->abandoned || (lane->stopping && lane->jobs.empty()) ||
                           (!lane->jobs.empty() && !lane->busy);
                });
                if (lane->abandoned || lane->jobs.empty()) return;
                job = std::move(lane->jobs.front());
                lane->jobs.pop_front();
                lane->busy = true;
                lane->busy_since = Clock::now();
            }
            try {
                job();
            } catch (const std::exception& error) {
                // Adapters catch what plugin code throws; this is a host bug.
                spdlog::error("a plugin strand job threw: {}", error.what());
            } catch (...) {
                spdlog::error("a plugin strand job threw a non-standard exception");
            }
            lane->release();
        }
    }
};

struct PluginStrand::Shared {
    mutable std::mutex mutex;
    std::shared_ptr<Lane> lane;  // the current one
    std::thread thread;          // the current lane's
    bool abandoned_any = false;

    void open_lane() {
        lane = std::make_shared<Lane>();
        thread = std::thread([lane = lane] { Lane::run(lane); });
    }

    std::shared_ptr<Lane> current() const {
        std::lock_guard lock(mutex);
        return lane;
    }
};

PluginStrand::Lock::Lock(std::shared_ptr<Lane> lane) : lane_(std::move(lane)) {}

PluginStrand::Lock::~Lock() {
    if (lane_) lane_->release();
}

PluginStrand::PluginStrand() : shared_(std::make_shared<Shared>()) {
    shared_->open_lane();
    poster_ = [shared = shared_](std::function<void()> job) { shared->current()->post(std::move(job)); };
}

PluginStrand::~PluginStrand() {
    std::shared_ptr<Lane> lane;
    std::thread thread;
    {
        // Not held while joining: a last job may still post.
        std::lock_guard lock(shared_->mutex);
        lane = shared_->lane;
        thread = std::move(shared_->thread);
    }
    {
        std::lock_guard lane_lock(lane->mutex);
        lane->stopping = true;
    }
    lane->changed.notify_all();
    thread.join();
}

PluginStrand::Lock PluginStrand::lock() const {
    for (;;) {
        auto lane = shared_->current();
        std::unique_lock lock(lane->mutex);
        if (lane->acquire(lock)) return Lock(std::move(lane));
    }
}

std::optional<Clock::duration> PluginStrand::busy_for() const {
    auto lane = shared_->current();
    std::lock_guard lock(lane->mutex);
    if (!lane->busy) return std::nullopt;
    return Clock::now() - lane->busy_since;
}

void PluginStrand::abandon() {
    std::lock_guard lock(shared_->mutex);
    auto stuck = shared_->lane;
    std::deque<std::function<void()>> queued;
    {
        std::lock_guard lane_lock(stuck->mutex);
        stuck->abandoned = true;
        queued.swap(stuck->jobs);
    }
    stuck->changed.notify_all();
    // The stuck thread owns its lane (shared) and ends by itself if its
    // call ever returns.
    shared_->thread.detach();
    shared_->abandoned_any = true;
    shared_->open_lane();
    for (auto& job : queued) shared_->lane->post(std::move(job));
}

bool PluginStrand::has_abandoned() const {
    std::lock_guard lock(shared_->mutex);
    return shared_->abandoned_any;
}

void PluginStrand::drain() {
    std::promise<void> done;
    auto drained = done.get_future();
    poster_([&done] { done.set_value(); });
    drained.wait();
}

}  // namespace billing::host
