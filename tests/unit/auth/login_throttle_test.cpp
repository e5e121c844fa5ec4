#include <gtest/gtest.h>

#include "auth/login_throttle.hpp"

namespace billing::host {
namespace {

using namespace std::chrono_literals;

class LoginThrottleTest : public testing::Test {
protected:
    std::chrono::steady_clock::time_point now{std::chrono::hours(1000)};
    ThrottleLimits limits{.failures_per_username = 5, .failures_per_address = 20, .window = 300s};
    LoginThrottle make() {
        return LoginThrottle(limits, [this] { return now; });
    }
};

TEST_F(LoginThrottleTest, AllowsAttemptsUnderTheUsernameLimit) {
    auto throttle = make();
    for (int i = 0; i < 4; ++i) {
        throttle.record_failure("budi", "10.0.0.1");
        now += 1s;
    }
    EXPECT_FALSE(throttle.retry_after("budi", "10.0.0.1"));
}

TEST_F(LoginThrottleTest, BlocksAUsernameAfterFiveFailuresUntilTheOldestLeavesTheWindow) {
    auto throttle = make();
    for (int i = 0; i < 5; ++i) {
        throttle.record_failure("budi", "10.0.0." + std::to_string(i));  // from different addresses
        now += 10s;
    }
    // The first failure was 50 s ago: it leaves the window in 250 s.
    EXPECT_EQ(throttle.retry_after("budi", "10.0.0.99"), 250s);
    EXPECT_FALSE(throttle.retry_after("siti", "10.0.0.99"));  // other users are unaffected

    now += 249s;
    EXPECT_EQ(throttle.retry_after("budi", "10.0.0.99"), 1s);
    now += 1s;
    EXPECT_FALSE(throttle.retry_after("budi", "10.0.0.99"));
}

TEST_F(LoginThrottleTest, RoundsTheWaitUpToWholeSeconds) {
    auto throttle = make();
    for (int i = 0; i < 5; ++i) throttle.record_failure("budi", "10.0.0.1");
    now += 299s + 500ms;
    EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), 1s);
}

TEST_F(LoginThrottleTest, BlocksAnAddressTryingManyUsernames) {
    auto throttle = make();
    for (int i = 0; i < 20; ++i) throttle.record_failure("user" + std::to_string(i), "10.0.0.1");
    EXPECT_EQ(throttle.retry_after("someone-new", "10.0.0.1"), 300s);
    EXPECT_FALSE(throttle.retry_after("someone-new", "10.0.0.2"));
}

TEST_F(LoginThrottleTest, ReportsTheLongerOfBothWaits) {
    auto throttle = make();
    for (int i = 0; i < 20; ++i) throttle.record_failure("user" + std::to_string(i), "10.0.0.1");
    now += 100s;
    for (int i = 0; i < 5; ++i) throttle.record_failure("budi", "10.0.0.2");
    EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), 300s);
}

TEST_F(LoginThrottleTest, SuccessClearsTheUsernameButNotTheAddress) {
    auto throttle = make();
    for (int i = 0; i < 5; ++i) throttle.record_failure("budi", "10.0.0.1");
    for (int i = 0; i < 15; ++i) throttle.record_failure("user" + std::to_string(i), "10.0.0.1");
    throttle.record_success("budi");
    EXPECT_FALSE(throttle.retry_after("budi", "10.0.0.2"));
    EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), 300s);
}

TEST_F(LoginThrottleTest, TheWindowSlides) {
    auto throttle = make();
    for (int i = 0; i < 4; ++i) throttle.record_failure("budi", "10.0.0.1");
    now += 301s;
    // The old four have left the window: four new ones are not yet five.
    for (int i = 0; i < 4; ++i) throttle.record_failure("budi", "10.0.0.1");
    EXPECT_FALSE(throttle.retry_after("budi", "10.0.0.1"));
    throttle.record_failure("budi", "10.0.0.1");
    EXPECT_TRUE(throttle.retry_after("budi", "10.0.0.1"));
}

TEST_F(LoginThrottleTest, ForgetsTheKeysIdleLongestWhenFull) {
    limits.max_tracked_keys = 3;
    limits.failures_per_username = 1;
    auto throttle = make();
    for (const char* name : {"a", "b", "c"}) {
        throttle.record_failure(name, "10.0.0.1");
        now += 1s;
    }
    EXPECT_TRUE(throttle.retry_after("a", "10.0.0.9"));
    throttle.record_failure("d", "10.0.0.1");  // "a" is dropped to make room
    EXPECT_FALSE(throttle.retry_after("a", "10.0.0.9"));
    EXPECT_TRUE(throttle.retry_after("b", "10.0.0.9"));
    EXPECT_TRUE(throttle.retry_after("d", "10.0.0.9"));
}

TEST_F(LoginThrottleTest, PrunesExpiredKeysBeforeForgettingRecentOnes) {
    limits.max_tracked_keys = 2;
    limits.failures_per_username = 1;
    auto throttle = make();
    throttle.record_failure("old", "10.0.0.1");
    now += 400s;
    throttle.record_failure("recent", "10.0.0.2");
    throttle.record_failure("new", "10.0.0.3");
    EXPECT_TRUE(throttle.retry_after("recent", "10.0.0.9"));
    EXPECT_TRUE(throttle.retry_after("new", "10.0.0.9"));
}

}  // namespace
}  // namespace billing::host
