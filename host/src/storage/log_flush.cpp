#include "storage/log_flush.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>

namespace billing::host {

namespace {

// A callback's failure is its own: the others and the flushing still go on.
void run(const LogFlush::Done& done, std::exception_ptr failure) {
    try {
        done(failure);
    } catch (const std::exception& error) {
        spdlog::error("a callback waiting for the database log flush failed: {}", error.what());
    } catch (...) {
        spdlog::error("a callback waiting for the database log flush failed");
    }
}

}  // namespace

LogFlush::LogFlush(std::function<void()> flush) : flush_(std::move(flush)) {}

std::uint64_t LogFlush::committed() {
    std::lock_guard lock(mutex_);
    return ++last_commit_;
}

void LogFlush::wait_for(std::uint64_t commit) {
    std::unique_lock lock(mutex_);
    wanted_ = std::max(wanted_, commit);
    while (answered_ < commit) {
        if (running_)
            flushed_changed_.wait(lock);
        else
            lead(lock);
    }
    if (flushed_ < commit) std::rethrow_exception(failure_);
}

void LogFlush::then(std::uint64_t commit, Done done) {
    std::unique_lock lock(mutex_);
    if (answered_ >= commit) {
        const auto failure = flushed_ >= commit ? nullptr : failure_;
        lock.unlock();
        run(done, failure);
        return;
    }
    wanted_ = std::max(wanted_, commit);
    waiting_.emplace(commit, std::move(done));
    if (!running_) lead(lock);
}

void LogFlush::lead(std::unique_lock<std::mutex>& lock) {
    // Another thread may have started the next flush while this one ran
    // callbacks: it serves what is left.
    while (!running_ && wanted_ > answered_) {
        // Every commit numbered so far finished before this flush starts,
        // so its pages are in the log file the flush writes out.
        running_ = true;
        const auto covers = last_commit_;
        lock.unlock();
        std::exception_ptr failure;
        try {
            flush_();
        } catch (...) {
            failure = std::current_exception();
        }
        lock.lock();
        running_ = false;
        answered_ = std::max(answered_, covers);
        if (failure)
            failure_ = failure;
        else
            flushed_ = std::max(flushed_, covers);
        std::vector<Done> due;
        const auto end = waiting_.upper_bound(covers);
        for (auto it = waiting_.begin(); it != end; ++it) due.push_back(std::move(it->second));
        waiting_.erase(waiting_.begin(), end);
        flushed_changed_.notify_all();

        lock.unlock();
        for (auto& done : due) run(done, failure);
        lock.lock();
    }
}

}  // namespace billing::host
