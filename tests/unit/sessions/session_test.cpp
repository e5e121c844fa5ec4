#include "sessions/session.hpp"

#include <gtest/gtest.h>

namespace billing::host {
namespace {

constexpr std::int64_t kStart = 1'800'000'000'000;
constexpr std::int64_t kMinute = 60'000;

Session hour_session() {
    Session session;
    session.id = 7;
    session.kind = "fixed";
    session.started_at = kStart;
    session.deadline_at = kStart + 60 * kMinute;
    return session;
}

TEST(Session, RemainingAndPlayedTimeWhileRunning) {
    auto session = hour_session();
    EXPECT_EQ(session.remaining_ms(kStart + 10 * kMinute), 50 * kMinute);
    EXPECT_EQ(session.played_ms(kStart + 10 * kMinute), 10 * kMinute);
    EXPECT_EQ(session.remaining_ms(kStart + 90 * kMinute), 0);  // never negative
    EXPECT_EQ(session.state(), "running");
}

TEST(Session, TimeStandsStillWhilePaused) {
    auto session = hour_session();
    session.paused_at = kStart + 20 * kMinute;
    EXPECT_EQ(session.state(), "paused");
    EXPECT_EQ(session.remaining_ms(kStart + 45 * kMinute), 40 * kMinute);
    EXPECT_EQ(session.played_ms(kStart + 45 * kMinute), 20 * kMinute);
    // Resumed after 5 minutes: the deadline moved by the pause.
    session.paused_at.reset();
    session.paused_ms = 5 * kMinute;
    *session.deadline_at += 5 * kMinute;
    EXPECT_EQ(session.remaining_ms(kStart + 25 * kMinute), 40 * kMinute);
    EXPECT_EQ(session.played_ms(kStart + 25 * kMinute), 20 * kMinute);
}

TEST(Session, OpenPlayHasNoRemainingTimeAndEndedSessionsStop) {
    Session open;
    open.kind = "open";
    open.started_at = kStart;
    EXPECT_FALSE(open.remaining_ms(kStart + kMinute));
    open.ended_at = kStart + 30 * kMinute;
    EXPECT_EQ(open.played_ms(kStart + 99 * kMinute), 30 * kMinute);
    EXPECT_EQ(open.state(), "ended");
    auto json = open.to_json(kStart + 99 * kMinute);
    EXPECT_TRUE(json["remaining_ms"].is_null());
    EXPECT_TRUE(json["deadline_at"].is_null());
    EXPECT_EQ(json["played_ms"], 30 * kMinute);
}

}  // namespace
}  // namespace billing::host
