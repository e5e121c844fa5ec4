#pragma once
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>

namespace billing::host {

// Group commit for a write-ahead log: `sync()` returns once a flush that
// started after the call has finished, so every commit made before the
// call is on the disk. Callers that arrive while a flush runs wait for it
// and then share the next one: N concurrent commits cost about two fsyncs,
// not N.
class GroupSync {
public:
    explicit GroupSync(std::function<void()> flush);
    // Rethrows the flush's error to the caller that ran it; the others then
    // try a flush of their own.
    void sync();

private:
    std::function<void()> flush_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::uint64_t started_ = 0;
    std::uint64_t finished_ = 0;
    bool running_ = false;
};

}  // namespace billing::host
