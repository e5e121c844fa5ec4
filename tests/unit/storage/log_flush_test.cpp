#include "storage/log_flush.hpp"

#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace billing::host {
namespace {

// A flush that can be held open, to make commits arrive while it runs.
class HeldFlush {
public:
    void operator()() {
        ++started;
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !held_; });
        if (fail_next_) {
            fail_next_ = false;
            throw std::runtime_error("disk on fire");
        }
    }
    void hold() {
        std::lock_guard lock(mutex_);
        held_ = true;
    }
    void release() {
        {
            std::lock_guard lock(mutex_);
            held_ = false;
        }
        changed_.notify_all();
    }
    void fail_next() {
        std::lock_guard lock(mutex_);
        fail_next_ = true;
    }

    std::atomic<int> started{0};

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool held_ = false;
    bool fail_next_ = false;
};

// A writer on another thread whose flush is running and held open; its
// future is ready once the flush was released and the writer answered.
std::future<void> writer_inside_held_flush(LogFlush& log, HeldFlush& flush) {
    flush.hold();
    auto writer = std::async(std::launch::async, [&log] { log.wait_for(log.committed()); });
    while (flush.started.load() < 1) std::this_thread::yield();
    return writer;
}

TEST(LogFlushTest, AWriterAloneFlushesOnItsOwnThread) {
    HeldFlush flush;
    LogFlush log([&] { flush(); });
    log.wait_for(log.committed());
    EXPECT_EQ(flush.started.load(), 1);

    std::thread::id ran_on;
    log.then(log.committed(), [&](std::exception_ptr failure) {
        EXPECT_EQ(failure, nullptr);
        ran_on = std::this_thread::get_id();
    });
    EXPECT_EQ(ran_on, std::this_thread::get_id());
    EXPECT_EQ(flush.started.load(), 2);
}

TEST(LogFlushTest, ACommitAlreadyFlushedIsAnsweredWithoutAFlush) {
    HeldFlush flush;
    LogFlush log([&] { flush(); });
    const auto first = log.committed();
    const auto second = log.committed();
    log.wait_for(second);
    bool answered = false;
    log.then(first, [&](std::exception_ptr failure) { answered = failure == nullptr; });
    log.wait_for(first);
    EXPECT_TRUE(answered);
    EXPECT_EQ(flush.started.load(), 1);
}

TEST(LogFlushTest, CommitsMadeDuringAFlushShareTheNextOne) {
    HeldFlush flush;
    LogFlush log([&] { flush(); });
    auto leader = writer_inside_held_flush(log, flush);

    // Five commits while the first flush runs: it started before them, so
    // it does not cover them; one more flush covers all five.
    std::atomic<int> answered{0};
    for (int i = 0; i < 5; ++i) {
        log.then(log.committed(), [&](std::exception_ptr failure) {
            EXPECT_EQ(failure, nullptr);
            ++answered;
        });
    }
    EXPECT_EQ(answered.load(), 0);
    flush.release();
    leader.get();
    EXPECT_EQ(answered.load(), 5);
    EXPECT_EQ(flush.started.load(), 2);
}

TEST(LogFlushTest, WaitersDuringAFlushWaitForTheNextOneAndShareIt) {
    HeldFlush flush;
    LogFlush log([&] { flush(); });
    auto leader = writer_inside_held_flush(log, flush);
    std::vector<std::future<void>> waiters;
    for (int i = 0; i < 4; ++i) {
        const auto commit = log.committed();
        waiters.push_back(std::async(std::launch::async, [&log, commit] { log.wait_for(commit); }));
    }
    flush.release();
    leader.get();
    for (auto& waiter : waiters) waiter.get();
    EXPECT_EQ(flush.started.load(), 2);
}

TEST(LogFlushTest, AFailedFlushReachesTheCommitsItCoveredAndTheNextFlushIsTried) {
    HeldFlush flush;
    LogFlush log([&] { flush(); });
    flush.fail_next();
    std::exception_ptr told;
    log.then(log.committed(), [&](std::exception_ptr failure) { told = failure; });
    ASSERT_NE(told, nullptr);
    EXPECT_THROW(std::rethrow_exception(told), std::runtime_error);

    flush.fail_next();
    EXPECT_THROW(log.wait_for(log.committed()), std::runtime_error);

    // The disk recovered: a later commit is flushed and answered.
    log.wait_for(log.committed());
    EXPECT_EQ(flush.started.load(), 3);
}

TEST(LogFlushTest, ACallbackThatThrowsDoesNotStopTheOthers) {
    HeldFlush flush;
    LogFlush log([&] { flush(); });
    auto leader = writer_inside_held_flush(log, flush);
    bool second_answered = false;
    log.then(log.committed(), [](std::exception_ptr) { throw std::runtime_error("reply failed"); });
    log.then(log.committed(), [&](std::exception_ptr) { second_answered = true; });
    flush.release();
    leader.get();
    EXPECT_TRUE(second_answered);
}

}  // namespace
}  // namespace billing::host
