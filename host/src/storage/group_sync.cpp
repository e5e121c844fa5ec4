#include "storage/group_sync.hpp"

namespace billing::host {

GroupSync::GroupSync(std::function<void()> flush) : flush_(std::move(flush)) {}

void GroupSync::sync() {
    std::unique_lock lock(mutex_);
    // A flush running now may have started before this caller's commit; the
    // next one to start certainly covers it.
    const auto needed = started_ + 1;
    while (finished_ < needed) {
        if (running_) {
            changed_.wait(lock);
            continue;
        }
        running_ = true;
        const auto number = ++started_;
        lock.unlock();
        try {
            flush_();
        } catch (...) {
            lock.lock();
            running_ = false;
            changed_.notify_all();
            throw;
        }
        lock.lock();
        finished_ = number;
        running_ = false;
        changed_.notify_all();
    }
}

}  // namespace billing::host
