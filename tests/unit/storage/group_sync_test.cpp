#include "storage/group_sync.hpp"

#include <atomic>
#include <chrono>
#include <latch>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace billing::host {
namespace {

TEST(GroupSync, ACallerAloneRunsOneFlush) {
    int flushes = 0;
    GroupSync sync([&] { ++flushes; });
    sync.sync();
    sync.sync();
    EXPECT_EQ(flushes, 2) << "each call needs a flush that started after it";
}

TEST(GroupSync, CallersArrivingDuringAFlushShareTheNextOne) {
    std::atomic<int> flushes{0};
    std::latch first_flush_running(1);
    std::atomic<bool> release_first{false};
    GroupSync sync([&] {
        if (++flushes == 1) {
            first_flush_running.count_down();
            while (!release_first) std::this_thread::yield();
        }
    });
    std::thread leader([&] { sync.sync(); });
    first_flush_running.wait();
    // Eight callers arrive while the first flush runs: it may have started
    // before their commits, so they need another, and one suffices for all.
    std::vector<std::thread> followers;
    std::latch arrived(8);
    for (int i = 0; i < 8; ++i)
        followers.emplace_back([&] {
            arrived.count_down();
            sync.sync();
        });
    arrived.wait();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // let them reach the wait
    release_first = true;
    leader.join();
    for (auto& follower : followers) follower.join();
    EXPECT_GE(flushes.load(), 2);
    EXPECT_LE(flushes.load(), 3) << "followers share flushes instead of running one each";
}

TEST(GroupSync, AFailedFlushReachesItsCallerAndTheNextCallerTriesAgain) {
    int calls = 0;
    GroupSync sync([&] {
        if (++calls == 1) throw std::runtime_error("disk full");
    });
    EXPECT_THROW(sync.sync(), std::runtime_error);
    EXPECT_NO_THROW(sync.sync());
    EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace billing::host
