#include "pricing/tariff.hpp"

#include <limits>
#include <stdexcept>

#include <gtest/gtest.h>

namespace billing::host {
namespace {

constexpr std::int64_t minute_ms = 60'000;
constexpr std::int64_t hour_ms = 60 * minute_ms;

// The shop's clock in these tests is UTC: the local minute is the minute of
// the Unix day.
const LocalMinuteOf utc_minute = [](std::int64_t unix_ms) { return static_cast<int>(unix_ms / minute_ms % 1440); };

// An instant at hh:mm on some day well after the epoch.
std::int64_t at(int hours, int minutes) { return 20'000 * 24 * hour_ms + hours * hour_ms + minutes * minute_ms; }

Tariff open_play(std::int64_t price_per_hour, std::int64_t rounding_minutes = 1, std::int64_t minimum_charge = 0) {
    Tariff tariff;
    tariff.kind = Tariff::Kind::open;
    tariff.price = price_per_hour;
    tariff.rounding_minutes = rounding_minutes;
    tariff.minimum_charge = minimum_charge;
    return tariff;
}

// Day and night rates; the night runs from `from` until `until` (minutes).
Tariff with_night(Tariff tariff, std::int64_t night_price, int from, int until) {
    tariff.night_price = night_price;
    tariff.night_from_minute = from;
    tariff.night_until_minute = until;
    return tariff;
}

Tariff fixed_hour(std::int64_t price) {
    Tariff tariff;
    tariff.duration_minutes = 60;
    tariff.price = price;
    return tariff;
}

TEST(NightWindowTest, NoNightPriceMeansNoNight) {
    Tariff tariff = open_play(6'000);
    tariff.night_from_minute = 0;
    tariff.night_until_minute = 1439;
    EXPECT_FALSE(in_night_window(tariff, 600));
}

TEST(NightWindowTest, AWindowWithinOneDayHoldsItsStartButNotItsEnd) {
    auto tariff = with_night(open_play(6'000), 9'000, 8 * 60, 17 * 60);
    EXPECT_FALSE(in_night_window(tariff, 8 * 60 - 1));
    EXPECT_TRUE(in_night_window(tariff, 8 * 60));
    EXPECT_TRUE(in_night_window(tariff, 17 * 60 - 1));
    EXPECT_FALSE(in_night_window(tariff, 17 * 60));
}

TEST(NightWindowTest, AWindowWrappingMidnightHoldsBothEnds) {
    auto tariff = with_night(open_play(6'000), 9'000, 18 * 60, 6 * 60);
    EXPECT_FALSE(in_night_window(tariff, 18 * 60 - 1));
    EXPECT_TRUE(in_night_window(tariff, 18 * 60));
    EXPECT_TRUE(in_night_window(tariff, 1439));
    EXPECT_TRUE(in_night_window(tariff, 0));
    EXPECT_TRUE(in_night_window(tariff, 6 * 60 - 1));
    EXPECT_FALSE(in_night_window(tariff, 6 * 60));
    EXPECT_FALSE(in_night_window(tariff, 12 * 60));
}

TEST(FixedPriceTest, TheStartTimeChoosesDayOrNightPrice) {
    auto tariff = with_night(fixed_hour(10'000), 15'000, 18 * 60, 6 * 60);
    EXPECT_EQ(fixed_price(tariff, utc_minute, at(17, 59)), 10'000);
    EXPECT_EQ(fixed_price(tariff, utc_minute, at(18, 0)), 15'000);
    EXPECT_EQ(fixed_price(tariff, utc_minute, at(5, 59)), 15'000);
    EXPECT_EQ(fixed_price(tariff, utc_minute, at(6, 0)), 10'000);
}

TEST(FixedPriceTest, WithoutANightPriceItIsAlwaysThePrice) {
    EXPECT_EQ(fixed_price(fixed_hour(10'000), utc_minute, at(23, 0)), 10'000);
}

TEST(OpenPlayTest, PerMinuteBillsEveryStartedMinute) {
    auto tariff = open_play(6'000);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), 1), 100);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), minute_ms), 100);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), minute_ms + 1), 200);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), hour_ms), 6'000);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), hour_ms + 1), 6'100);
}

TEST(OpenPlayTest, TheTotalIsRoundedUpOnceNotPerBlock) {
    auto tariff = open_play(5'000);
    // 83.33 -> 84; two minutes are 166.67 -> 167, not 84 + 84.
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), minute_ms), 84);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), 2 * minute_ms), 167);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), 3 * minute_ms), 250);
    EXPECT_EQ(open_play_charge(open_play(7'000), utc_minute, at(10, 0), minute_ms), 117);
}

TEST(OpenPlayTest, PerQuarterHourBillsEveryStartedQuarter) {
    auto tariff = open_play(10'000, 15);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), minute_ms), 2'500);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), 15 * minute_ms), 2'500);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), 15 * minute_ms + 1), 5'000);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), 61 * minute_ms), 12'500);
}

TEST(OpenPlayTest, PerMinuteAndPerQuarterDifferForTheSamePlay) {
    const auto played = 16 * minute_ms;
    EXPECT_EQ(open_play_charge(open_play(6'000, 1), utc_minute, at(10, 0), played), 1'600);
    EXPECT_EQ(open_play_charge(open_play(6'000, 15), utc_minute, at(10, 0), played), 3'000);
    EXPECT_EQ(open_play_charge(open_play(6'000, 60), utc_minute, at(10, 0), played), 6'000);
}

TEST(OpenPlayTest, TheMinimumChargeIsAFloor) {
    auto tariff = open_play(10'000, 15, 5'000);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), 10 * minute_ms), 5'000);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), 30 * minute_ms), 5'000);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(10, 0), 45 * minute_ms), 7'500);
}

TEST(OpenPlayTest, NoPlayCostsTheMinimumCharge) {
    EXPECT_EQ(open_play_charge(open_play(6'000, 1, 3'000), utc_minute, at(10, 0), 0), 3'000);
    EXPECT_EQ(open_play_charge(open_play(6'000, 1, 3'000), utc_minute, at(10, 0), -5), 3'000);
    EXPECT_EQ(open_play_charge(open_play(6'000), utc_minute, at(10, 0), 0), 0);
}

TEST(OpenPlayTest, PlayFromDayIntoNightPaysEachPartAtItsRate) {
    auto tariff = with_night(open_play(6'000), 12'000, 18 * 60, 6 * 60);
    // 17:30-18:30: 30 day minutes (3,000) and 30 night minutes (6,000).
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(17, 30), hour_ms), 9'000);
}

TEST(OpenPlayTest, PlayFromNightIntoDayPaysEachPartAtItsRate) {
    auto tariff = with_night(open_play(6'000), 12'000, 18 * 60, 6 * 60);
    // 05:45-06:15: 15 night minutes (3,000) and 15 day minutes (1,500).
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(5, 45), 30 * minute_ms), 4'500);
}

TEST(OpenPlayTest, ABlockPaysTheRateOfTheMinuteItStartsIn) {
    auto tariff = with_night(open_play(6'000, 15), 12'000, 18 * 60, 6 * 60);
    // Blocks start at 17:50 (day, 1,500) and 18:05 (night, 3,000).
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(17, 50), 30 * minute_ms), 4'500);
    // A block starting exactly at 18:00 is a night block.
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(17, 45), 30 * minute_ms), 4'500);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(17, 46), 30 * minute_ms), 4'500);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(17, 30), 30 * minute_ms), 3'000);
}

TEST(OpenPlayTest, ANightWindowAcrossMidnightIsBilledThroughMidnight) {
    auto tariff = with_night(open_play(6'000), 12'000, 22 * 60, 2 * 60);
    // 23:30-02:30: 2.5 night hours (30,000) and half a day hour (3,000).
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(23, 30), 3 * hour_ms), 33'000);
}

TEST(OpenPlayTest, ADayAtTheHighestPriceDoesNotOverflow) {
    EXPECT_EQ(open_play_charge(open_play(100'000'000), utc_minute, at(10, 0), 24 * hour_ms), 2'400'000'000);
    auto tariff = with_night(open_play(100'000'000), 200'000'000, 18 * 60, 6 * 60);
    EXPECT_EQ(open_play_charge(tariff, utc_minute, at(6, 0), 24 * hour_ms), 3'600'000'000);
}

TEST(OpenPlayTest, AnImpossibleTotalIsAnErrorNotAWrongNumber) {
    EXPECT_THROW(open_play_charge(open_play(100'000'000), utc_minute, 0, std::numeric_limits<std::int64_t>::max()),
                 std::overflow_error);
}

TEST(OpenPlayTest, ARoundingBelowOneMinuteIsRefused) {
    EXPECT_THROW(open_play_charge(open_play(6'000, 0), utc_minute, 0, minute_ms), std::invalid_argument);
}

TEST(ExtensionPriceTest, ExtraMinutesCostTheirShareOfThePriceRoundedUp) {
    auto tariff = fixed_hour(10'000);
    EXPECT_EQ(extension_price(tariff, utc_minute, at(10, 0), 30), 5'000);
    EXPECT_EQ(extension_price(tariff, utc_minute, at(10, 0), 7), 1'167);
    EXPECT_EQ(extension_price(tariff, utc_minute, at(10, 0), 0), 0);
}

TEST(ExtensionPriceTest, AtNightTheShareIsOfTheNightPrice) {
    auto tariff = with_night(fixed_hour(10'000), 15'000, 18 * 60, 6 * 60);
    EXPECT_EQ(extension_price(tariff, utc_minute, at(19, 0), 7), 1'750);
    EXPECT_EQ(extension_price(tariff, utc_minute, at(12, 0), 7), 1'167);
}

TEST(ExtensionPriceTest, ADayAtTheHighestPriceDoesNotOverflow) {
    EXPECT_EQ(extension_price(fixed_hour(100'000'000), utc_minute, at(10, 0), 1440), 2'400'000'000);
}

TEST(ExtensionPriceTest, OpenPlayAndNegativeMinutesAreRefused) {
    EXPECT_THROW(extension_price(open_play(6'000), utc_minute, 0, 10), std::invalid_argument);
    EXPECT_THROW(extension_price(fixed_hour(10'000), utc_minute, 0, -1), std::invalid_argument);
}

}  // namespace
}  // namespace billing::host
