#include "pricing/business_calendar.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "unit/pricing/fake_settings.hpp"

namespace billing::host {
namespace {

// Unix milliseconds of an ISO-8601 UTC text.
std::int64_t utc(const std::string& text) {
    std::int64_t unix_ms = 0;
    EXPECT_TRUE(parse_instant(text, unix_ms)) << text;
    return unix_ms;
}

std::string iso(std::int64_t unix_ms) { return format_iso8601_utc(unix_ms); }

// Jakarta is UTC+7 all year; the default boundary is 06:00 local.
class JakartaCalendarTest : public ::testing::Test {
protected:
    test::FakeSettings settings{"Asia/Jakarta", "06:00"};
    BusinessCalendar calendar{settings};
};

TEST_F(JakartaCalendarTest, PlayBeforeTheBoundaryCountsOnThePreviousDay) {
    // 05:59:59.999 local on the 21st.
    EXPECT_EQ(calendar.day_of(utc("2026-11-20T22:59:59.999Z")), "2026-11-20");
    // 02:00 local on the 22nd.
    EXPECT_EQ(calendar.day_of(utc("2026-11-21T19:00:00Z")), "2026-11-21");
}

TEST_F(JakartaCalendarTest, TheBoundaryItselfStartsTheNewDay) {
    EXPECT_EQ(calendar.day_of(utc("2026-11-20T23:00:00Z")), "2026-11-21");
}

TEST_F(JakartaCalendarTest, LocalMidnightStaysOnTheDayThatBeganAtSixOClock) {
    EXPECT_EQ(calendar.day_of(utc("2026-11-21T16:59:59.999Z")), "2026-11-21");
    EXPECT_EQ(calendar.day_of(utc("2026-11-21T17:00:00Z")), "2026-11-21");
}

TEST_F(JakartaCalendarTest, DaysAcrossAYearEndAreLabelledByTheirStartDate) {
    // 02:00 local on 1 January, then 06:00 local.
    EXPECT_EQ(calendar.day_of(utc("2026-12-31T19:00:00Z")), "2026-12-31");
    EXPECT_EQ(calendar.day_of(utc("2026-12-31T23:00:00Z")), "2027-01-01");
}

TEST_F(JakartaCalendarTest, NextDayStartIsTheComingBoundary) {
    // 10:00 local on the 21st, then 05:00 local on the 22nd (still the 21st).
    EXPECT_EQ(iso(calendar.next_day_start(utc("2026-11-21T03:00:00Z"))), "2026-11-21T23:00:00.000Z");
    EXPECT_EQ(iso(calendar.next_day_start(utc("2026-11-21T22:00:00Z"))), "2026-11-21T23:00:00.000Z");
}

TEST_F(JakartaCalendarTest, NextDayStartAtABoundaryIsTheFollowingOne) {
    EXPECT_EQ(iso(calendar.next_day_start(utc("2026-11-21T23:00:00Z"))), "2026-11-22T23:00:00.000Z");
    EXPECT_EQ(iso(calendar.next_day_start(utc("2026-11-21T22:59:59.999Z"))), "2026-11-21T23:00:00.000Z");
}

TEST_F(JakartaCalendarTest, LocalMinuteOfDayIsInTheShopsZone) {
    EXPECT_EQ(calendar.local_minute_of_day(utc("2026-11-20T23:30:59Z")), 6 * 60 + 30);
    EXPECT_EQ(calendar.local_minute_of_day(utc("2026-11-21T17:00:00Z")), 0);
    EXPECT_EQ(calendar.local_minute_of_day(utc("2026-11-21T16:59:00Z")), 1439);
}

TEST_F(JakartaCalendarTest, AChangedBoundaryAppliesAtOnce) {
    const auto five_thirty_local = utc("2026-11-20T22:30:00Z");
    EXPECT_EQ(calendar.day_of(five_thirty_local), "2026-11-20");
    settings.set("business_day_start", "05:00");
    EXPECT_EQ(calendar.day_of(five_thirty_local), "2026-11-21");
    EXPECT_EQ(iso(calendar.next_day_start(five_thirty_local)), "2026-11-21T22:00:00.000Z");
}

TEST_F(JakartaCalendarTest, AChangedZoneAppliesAtOnce) {
    const auto at = utc("2026-11-21T03:00:00Z");
    EXPECT_EQ(calendar.local_minute_of_day(at), 10 * 60);
    settings.set("time_zone", "UTC");
    EXPECT_EQ(calendar.local_minute_of_day(at), 3 * 60);
    EXPECT_EQ(calendar.day_of(at), "2026-11-20");
    EXPECT_EQ(iso(calendar.next_day_start(at)), "2026-11-21T06:00:00.000Z");
}

TEST_F(JakartaCalendarTest, AMidnightBoundaryMakesCalendarDays) {
    settings.set("business_day_start", "00:00");
    EXPECT_EQ(calendar.day_of(utc("2026-11-21T16:59:59.999Z")), "2026-11-21");
    EXPECT_EQ(calendar.day_of(utc("2026-11-21T17:00:00Z")), "2026-11-22");
    EXPECT_EQ(iso(calendar.next_day_start(utc("2026-11-21T03:00:00Z"))), "2026-11-21T17:00:00.000Z");
}

TEST_F(JakartaCalendarTest, AnUnknownZoneIsAnErrorNamingIt) {
    settings.set("time_zone", "Mars/Olympus_Mons");
    try {
        calendar.day_of(0);
        FAIL() << "no error";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("Mars/Olympus_Mons"), std::string::npos) << error.what();
    }
}

TEST_F(JakartaCalendarTest, AMalformedBoundaryIsAnErrorNamingIt) {
    settings.set("business_day_start", "6 am");
    EXPECT_THROW(calendar.day_of(0), std::runtime_error);
}

// Berlin changes its clocks in 2026 on 29 March (02:00 CET -> 03:00 CEST, at
// 01:00 UTC) and on 25 October (03:00 CEST -> 02:00 CET, at 01:00 UTC).
class BerlinCalendarTest : public ::testing::Test {
protected:
    test::FakeSettings settings{"Europe/Berlin", "06:00"};
    BusinessCalendar calendar{settings};
};

TEST_F(BerlinCalendarTest, TheDayTheClocksGoForwardLasts23Hours) {
    EXPECT_EQ(iso(calendar.next_day_start(utc("2026-03-28T12:00:00Z"))), "2026-03-29T04:00:00.000Z");
    EXPECT_EQ(iso(calendar.next_day_start(utc("2026-03-29T04:00:00Z"))), "2026-03-30T04:00:00.000Z");
    EXPECT_EQ(calendar.day_of(utc("2026-03-29T03:59:59.999Z")), "2026-03-28");
    EXPECT_EQ(calendar.day_of(utc("2026-03-29T04:00:00Z")), "2026-03-29");
}

TEST_F(BerlinCalendarTest, TheDayTheClocksGoBackLasts25Hours) {
    EXPECT_EQ(iso(calendar.next_day_start(utc("2026-10-24T12:00:00Z"))), "2026-10-25T05:00:00.000Z");
    EXPECT_EQ(calendar.day_of(utc("2026-10-25T04:59:59.999Z")), "2026-10-24");
    EXPECT_EQ(calendar.day_of(utc("2026-10-25T05:00:00Z")), "2026-10-25");
}

TEST_F(BerlinCalendarTest, ASkippedBoundaryStartsTheDayWhenTheClockJumps) {
    // 02:30 does not exist on 29 March: the day starts at 03:00 CEST.
    settings.set("business_day_start", "02:30");
    EXPECT_EQ(iso(calendar.next_day_start(utc("2026-03-28T12:00:00Z"))), "2026-03-29T01:00:00.000Z");
    EXPECT_EQ(calendar.day_of(utc("2026-03-29T00:59:59.999Z")), "2026-03-28");
    EXPECT_EQ(calendar.day_of(utc("2026-03-29T01:00:00Z")), "2026-03-29");
    EXPECT_EQ(iso(calendar.next_day_start(utc("2026-03-29T01:00:00Z"))), "2026-03-30T00:30:00.000Z");
}

TEST_F(BerlinCalendarTest, ARepeatedBoundaryStartsTheDayAtItsFirstOccurrence) {
    // 02:30 happens twice on 25 October: at 00:30 UTC (CEST) and 01:30 UTC (CET).
    settings.set("business_day_start", "02:30");
    EXPECT_EQ(iso(calendar.next_day_start(utc("2026-10-24T12:00:00Z"))), "2026-10-25T00:30:00.000Z");
    EXPECT_EQ(calendar.day_of(utc("2026-10-25T00:29:59.999Z")), "2026-10-24");
    EXPECT_EQ(calendar.day_of(utc("2026-10-25T00:30:00Z")), "2026-10-25");
    // 02:15 CET, after the clock went back over the boundary: still the 25th.
    EXPECT_EQ(calendar.day_of(utc("2026-10-25T01:15:00Z")), "2026-10-25");
    EXPECT_EQ(iso(calendar.next_day_start(utc("2026-10-25T01:15:00Z"))), "2026-10-26T01:30:00.000Z");
}

TEST_F(BerlinCalendarTest, LocalMinuteOfDayFollowsSummerTime) {
    EXPECT_EQ(calendar.local_minute_of_day(utc("2026-03-29T00:59:00Z")), 1 * 60 + 59);
    EXPECT_EQ(calendar.local_minute_of_day(utc("2026-03-29T01:00:00Z")), 3 * 60);
}

}  // namespace
}  // namespace billing::host
