#include "sessions/session_clock.hpp"

#include <gtest/gtest.h>

namespace billing::host {
namespace {

using namespace std::chrono;

// A wall clock and a steady clock the test moves by hand.
struct Clocks {
    std::int64_t wall_ms = 1'800'000'000'000;
    steady_clock::time_point steady{};

    SessionClock make() {
        return SessionClock([this] { return wall_ms; }, [this] { return steady; });
    }
    void advance(milliseconds by) {
        wall_ms += by.count();
        steady += by;
    }
};

TEST(SessionClock, AdvancesWithTheSteadyClockFromTheWallClockAtTheAnchor) {
    Clocks clocks;
    auto clock = clocks.make();
    EXPECT_EQ(clock.now_ms(), clocks.wall_ms);
    clocks.advance(seconds(90));
    EXPECT_EQ(clock.now_ms(), clocks.wall_ms);
    EXPECT_EQ(clock.steady_at(clocks.wall_ms + 5000), clocks.steady + seconds(5));
    EXPECT_FALSE(clock.detect_jump());
}

TEST(SessionClock, IgnoresAWallClockStepUntilItIsDetectedThenReAnchors) {
    Clocks clocks;
    auto clock = clocks.make();
    const auto before = clock.now_ms();
    clocks.advance(seconds(1));
    clocks.wall_ms += 3600'000;  // NTP steps the wall clock an hour forward
    EXPECT_EQ(clock.now_ms(), before + 1000);  // time went on by one second only
    auto delta = clock.detect_jump();
    ASSERT_TRUE(delta);
    EXPECT_EQ(*delta, 3600'000);
    EXPECT_EQ(clock.now_ms(), clocks.wall_ms);
    EXPECT_FALSE(clock.detect_jump());
    // A steady deadline computed before the step is the same instant after
    // shifting the wall instant by the step.
    EXPECT_EQ(clock.steady_at(before + 60'000 + *delta), clocks.steady + seconds(59));
}

TEST(SessionClock, SmallDifferencesAreNotJumps) {
    Clocks clocks;
    auto clock = clocks.make();
    clocks.wall_ms += 1500;  // within the 2 s threshold: slewing, not a step
    EXPECT_FALSE(clock.detect_jump());
    clocks.wall_ms -= 5000;
    auto delta = clock.detect_jump();
    ASSERT_TRUE(delta);
    EXPECT_EQ(*delta, -3500);
}

}  // namespace
}  // namespace billing::host
