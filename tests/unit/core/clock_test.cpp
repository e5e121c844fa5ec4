#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace billing::host {
namespace {

std::int64_t parsed(const std::string& text) {
    std::int64_t unix_ms = -1;
    EXPECT_TRUE(parse_instant(text, unix_ms)) << text;
    return unix_ms;
}

bool rejects(const std::string& text) {
    std::int64_t unix_ms = 42;
    bool accepted = parse_instant(text, unix_ms);
    EXPECT_EQ(unix_ms, 42) << "a rejected text must leave the output alone: " << text;
    return !accepted;
}

TEST(Clock, FormatsUtcWithMilliseconds) {
    EXPECT_EQ(format_iso8601_utc(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(format_iso8601_utc(1795230245678), "2026-11-21T03:04:05.678Z");
    EXPECT_EQ(format_iso8601_utc(951782400000), "2000-02-29T00:00:00.000Z");  // a leap day
}

TEST(Clock, RoundTripsThroughText) {
    for (std::int64_t unix_ms : {0LL, 1LL, 999LL, 1795230245678LL, 4102444799999LL}) {
        EXPECT_EQ(parsed(format_iso8601_utc(unix_ms)), unix_ms);
    }
}

TEST(Clock, FractionAndZoneLetterAreOptional) {
    EXPECT_EQ(parsed("2026-11-21T03:04:05Z"), 1795230245000);
    EXPECT_EQ(parsed("2026-11-21T03:04:05"), 1795230245000);
    EXPECT_EQ(parsed("2026-11-21T03:04:05.6"), 1795230245600);
    EXPECT_EQ(parsed("2026-11-21T03:04:05.678999Z"), 1795230245678);  // beyond ms: truncated
}

TEST(Clock, AcceptsUnixMilliseconds) {
    EXPECT_EQ(parsed("1795230245678"), 1795230245678);
    EXPECT_EQ(parsed("0"), 0);
}

TEST(Clock, RejectsGarbage) {
    EXPECT_TRUE(rejects(""));
    EXPECT_TRUE(rejects("yesterday"));
    EXPECT_TRUE(rejects("12abc"));
    EXPECT_TRUE(rejects("2026-11-21"));
    EXPECT_TRUE(rejects("2026-11-21 03:04:05Z"));
    EXPECT_TRUE(rejects("2026-1-21T03:04:05Z"));
    EXPECT_TRUE(rejects("2026-11-21T03:04:05.Z"));
    EXPECT_TRUE(rejects("2026-11-21T03:04:05ZZ"));
    EXPECT_TRUE(rejects("2026-11-21T03:04:05+07:00"));
    EXPECT_TRUE(rejects(" 2026-11-21T03:04:05Z"));
}

TEST(Clock, RejectsNegativeAndOutOfRange) {
    EXPECT_TRUE(rejects("-1"));
    EXPECT_TRUE(rejects("99999999999999999999"));  // beyond 64 bits
    EXPECT_TRUE(rejects("1969-12-31T23:59:59Z"));
    EXPECT_TRUE(rejects("2026-13-01T00:00:00Z"));
    EXPECT_TRUE(rejects("2026-02-29T00:00:00Z"));  // not a leap year
    EXPECT_TRUE(rejects("2026-04-31T00:00:00Z"));
    EXPECT_TRUE(rejects("2026-11-21T24:00:00Z"));
    EXPECT_TRUE(rejects("2026-11-21T23:60:00Z"));
    EXPECT_TRUE(rejects("2026-11-21T23:59:60Z"));
}

}  // namespace
}  // namespace billing::host
