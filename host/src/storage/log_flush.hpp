#pragma once
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <mutex>

namespace billing::host {

// Group commit for a write-ahead log. Every commit takes a number when it
// finishes; one flush of the log covers every commit numbered before the
// flush started. A writer either waits until its commit is covered, or
// leaves a callback that runs once it is, so the thread goes on with other
// work. There is no flushing thread: whoever needs a flush and finds none
// running runs it, then the next one for the commits that came meanwhile,
// and runs the callbacks a flush covered.
class LogFlush {
public:
    // Called with the failure of the flush that should have covered the
    // commit, or null once it is on the disk.
    using Done = std::function<void(std::exception_ptr)>;

    explicit LogFlush(std::function<void()> flush);

    // Numbers a commit that has just finished.
    std::uint64_t committed();
    // Returns once `commit` is on the disk; rethrows the flush's error.
    void wait_for(std::uint64_t commit);
    // Runs `done` once `commit` is on the disk: at once on this thread if it
    // already is, or later on the thread whose flush covers it.
    void then(std::uint64_t commit, Done done);

private:
    // Runs flushes, lock held on entry and exit, until nothing asked for is
    // left unflushed or another thread runs the next one; callbacks run with
    // the lock released.
    void lead(std::unique_lock<std::mutex>& lock);

    std::function<void()> flush_;
    std::mutex mutex_;
    std::condition_variable flushed_changed_;
    std::uint64_t last_commit_ = 0;
    std::uint64_t wanted_ = 0;     // the highest commit anyone waits for
    std::uint64_t flushed_ = 0;    // every commit up to here is on the disk
    std::uint64_t answered_ = 0;   // ... or was told its flush failed
    std::exception_ptr failure_;   // of the last flush that failed
    bool running_ = false;
    std::multimap<std::uint64_t, Done> waiting_;  // callbacks by commit
};

}  // namespace billing::host
