#include "daybook/day_book.hpp"

#include <mutex>
#include <vector>

#include <gtest/gtest.h>

#include "bus/event_bus.hpp"
#include "core/clock.hpp"
#include "pricing/business_calendar.hpp"
#include "unit/daybook/rental_rows.hpp"
#include "unit/pricing/fake_settings.hpp"
#include "unit/storage/migrated_database.hpp"

namespace billing::host {
namespace {

using test::SaleRow;
using test::SessionRow;

constexpr long long minute_ms = 60'000;
// Days long past, so they never meet the real day in progress.
const std::string day = "2020-01-10";
const std::string next_day = "2020-01-11";
const std::string previous_day = "2020-01-09";

class DayBookTest : public ::testing::Test {
protected:
    DayBookTest() {
        // Handlers run as soon as the bus hands an event over.
        bus.subscribe("test", "day.*", [this](const sdk::Event& event) { events.push_back(event); },
                      [](std::function<void()> job) { job(); });
    }

    long long business_days_rows() {
        long long count = 0;
        db.database.read([&](soci::session& session) { session << "SELECT COUNT(*) FROM business_days", soci::into(count); });
        return count;
    }

    test::MigratedDatabase db;
    EventBus bus;
    std::vector<sdk::Event> events;
    test::FakeSettings settings{"UTC", "06:00"};
    BusinessCalendar calendar{settings};
    DayBook book{db.database, bus, calendar};
    test::RentalRows rows{db.database};
};

TEST_F(DayBookTest, AnOpenDayIsSummedFromItsSessionsAndSales) {
    const auto tv1 = rows.station("TV01");
    const auto tv2 = rows.station("TV02");
    rows.station("TV03");
    // 61.5 minutes with 1.5 paused: 60 played. Then one still running.
    const auto first = rows.session({.station_id = tv1, .business_day = day, .started_at = 0,
                                     .ended_at = 61 * minute_ms + 30'000, .paused_ms = 90'000});
    rows.session({.station_id = tv1, .business_day = day, .started_at = 100 * minute_ms});
    // 30 minutes 59 seconds: 30 minutes.
    const auto third = rows.session({.station_id = tv2, .business_day = day, .started_at = 0,
                                     .ended_at = 30 * minute_ms + 59'000});
    rows.session({.station_id = tv2, .business_day = previous_day, .started_at = 0, .ended_at = 600 * minute_ms});
    rows.sale({.business_day = day, .amount = 6'000, .station_id = tv1, .session_id = first});
    rows.sale({.business_day = day, .amount = 2'000, .operator_name = "budi", .kind = "extension", .station_id = tv1,
               .session_id = first});
    rows.sale({.business_day = day, .amount = 3'000, .station_id = tv2, .session_id = third});
    rows.sale({.business_day = day, .amount = 50'000, .operator_name = "budi", .kind = "package"});
    rows.sale({.business_day = previous_day, .amount = 9'999, .station_id = tv1});

    const nlohmann::json expected = {
        {"day", day},
        {"closed", false},
        {"closed_at", nullptr},
        {"sessions", 3},
        {"minutes", 90},
        {"revenue", 61'000},
        {"by_station",
         {{{"station_id", tv1}, {"code", "TV01"}, {"sessions", 2}, {"minutes", 60}, {"revenue", 8'000}},
          {{"station_id", tv2}, {"code", "TV02"}, {"sessions", 1}, {"minutes", 30}, {"revenue", 3'000}}}},
        {"by_operator",
         {{{"operator", "budi"}, {"sales", 2}, {"revenue", 52'000}},
          {{"operator", "kasir"}, {"sales", 2}, {"revenue", 9'000}}}}};
    EXPECT_EQ(book.summary(day), expected);
    EXPECT_TRUE(events.empty());
}

TEST_F(DayBookTest, AStationWithMoneyButNoSessionThatDayIsListed) {
    const auto tv1 = rows.station("TV01");
    // Extended on the next day, started the day before.
    const auto session = rows.session({.station_id = tv1, .business_day = day, .started_at = 0});
    rows.sale({.business_day = next_day, .amount = 4'000, .kind = "extension", .station_id = tv1,
               .session_id = session});
    auto summary = book.summary(next_day);
    EXPECT_EQ(summary["sessions"], 0);
    EXPECT_EQ(summary["revenue"], 4'000);
    EXPECT_EQ(summary["by_station"],
              (nlohmann::json{{{"station_id", tv1}, {"code", "TV01"}, {"sessions", 0}, {"minutes", 0}, {"revenue", 4'000}}}));
}

TEST_F(DayBookTest, ADayWithNothingSumsToZero) {
    const nlohmann::json expected = {{"day", day}, {"closed", false}, {"closed_at", nullptr}, {"sessions", 0},
                                     {"minutes", 0}, {"revenue", 0}, {"by_station", nlohmann::json::array()},
                                     {"by_operator", nlohmann::json::array()}};
    EXPECT_EQ(book.summary(day), expected);
}

TEST_F(DayBookTest, CloseStoresTheSummaryAndPublishesDayClosed) {
    const auto tv1 = rows.station("TV01");
    rows.session({.station_id = tv1, .business_day = day, .started_at = 0, .ended_at = 45 * minute_ms});
    rows.sale({.business_day = day, .amount = 7'500, .station_id = tv1});
    const auto before = now_ms();

    auto summary = book.close(day);

    EXPECT_EQ(summary["closed"], true);
    std::int64_t closed_at = 0;
    ASSERT_TRUE(parse_instant(summary["closed_at"].get<std::string>(), closed_at)) << summary["closed_at"];
    EXPECT_GE(closed_at, before);
    EXPECT_EQ(summary["minutes"], 45);
    EXPECT_EQ(summary["revenue"], 7'500);
    EXPECT_EQ(summary["by_station"][0]["code"], "TV01");
    EXPECT_EQ(book.summary(day), summary);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].topic, "day.closed");
    EXPECT_EQ(events[0].source, "host");
    EXPECT_EQ(events[0].payload, (nlohmann::json{{"day", day}, {"summary", summary}}));
}

TEST_F(DayBookTest, AnEmptyDayCanBeClosed) {
    auto summary = book.close(day);
    EXPECT_EQ(summary["closed"], true);
    EXPECT_EQ(summary["sessions"], 0);
    EXPECT_EQ(business_days_rows(), 1);
}

TEST_F(DayBookTest, AClosedDayKeepsItsSummaryUntilRefreshed) {
    const auto tv1 = rows.station("TV01");
    const auto session = rows.session({.station_id = tv1, .business_day = day, .started_at = 0});
    auto closed = book.close(day);
    EXPECT_EQ(closed["minutes"], 0);

    // The session that ran past the boundary ends and is paid.
    db.database.write([&](soci::session& sql) { sql << "UPDATE sessions SET ended_at = " << 90 * minute_ms; });
    rows.sale({.business_day = day, .amount = 9'000, .station_id = tv1, .session_id = session});
    EXPECT_EQ(book.summary(day), closed);

    book.refresh(day);
    auto refreshed = book.summary(day);
    EXPECT_EQ(refreshed["minutes"], 90);
    EXPECT_EQ(refreshed["revenue"], 9'000);
    EXPECT_EQ(refreshed["closed"], true);
    EXPECT_EQ(refreshed["closed_at"], closed["closed_at"]);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].payload, (nlohmann::json{{"day", day}, {"summary", refreshed}}));
}

TEST_F(DayBookTest, ClosingAgainRewritesButKeepsTheFirstClosingTime) {
    auto first = book.close(day);
    rows.sale({.business_day = day, .amount = 1'000, .kind = "package"});
    auto second = book.close(day);
    EXPECT_EQ(second["revenue"], 1'000);
    EXPECT_EQ(second["closed_at"], first["closed_at"]);
    EXPECT_EQ(business_days_rows(), 1);
}

TEST_F(DayBookTest, RefreshLeavesADayNotClosedAlone) {
    rows.sale({.business_day = day, .amount = 1'000, .kind = "package"});
    book.refresh(day);
    EXPECT_EQ(book.summary(day)["closed"], false);
    EXPECT_EQ(business_days_rows(), 0);
    EXPECT_TRUE(events.empty());
}

TEST_F(DayBookTest, CloseDaysBeforeClosesPastDaysWithActivityThatAreOpen) {
    const auto tv1 = rows.station("TV01");
    rows.session({.station_id = tv1, .business_day = "2020-01-07", .started_at = 0, .ended_at = minute_ms});
    rows.sale({.business_day = "2020-01-08", .amount = 1'000, .kind = "package"});
    rows.sale({.business_day = "2020-01-09", .amount = 2'000, .kind = "package"});
    book.close("2020-01-09");
    rows.session({.station_id = tv1, .business_day = "2020-01-10", .started_at = 0});
    events.clear();

    book.close_days_before("2020-01-10");

    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].payload["day"], "2020-01-07");
    EXPECT_EQ(events[1].payload["day"], "2020-01-08");
    EXPECT_EQ(book.summary("2020-01-07")["closed"], true);
    EXPECT_EQ(book.summary("2020-01-10")["closed"], false);
    EXPECT_EQ(business_days_rows(), 3);
}

TEST_F(DayBookTest, ListIsNewestFirstWithinTheRange) {
    rows.sale({.business_day = "2020-01-07", .amount = 1'000, .kind = "package"});
    rows.sale({.business_day = "2020-01-08", .amount = 2'000, .kind = "package"});
    book.close("2020-01-07");
    book.close("2020-01-08");
    book.close("2020-01-06");  // closed with nothing in it
    rows.sale({.business_day = "2020-01-09", .amount = 3'000, .kind = "package"});

    auto days = book.list("2020-01-06", "2020-01-08")["days"];
    ASSERT_EQ(days.size(), 3u);
    EXPECT_EQ(days[0]["day"], "2020-01-08");
    EXPECT_EQ(days[0]["revenue"], 2'000);
    EXPECT_EQ(days[2]["day"], "2020-01-06");

    days = book.list("2020-01-08", "2020-01-09")["days"];
    ASSERT_EQ(days.size(), 2u);
    EXPECT_EQ(days[0]["day"], "2020-01-09");
    EXPECT_EQ(days[0]["closed"], false);
    EXPECT_EQ(days[1]["closed"], true);

    EXPECT_TRUE(book.list("2020-02-01", "2020-02-29")["days"].empty());
}

TEST_F(DayBookTest, ListShowsTheDayInProgressFirstEvenBeforeItsFirstSale) {
    rows.sale({.business_day = day, .amount = 1'000, .kind = "package"});
    const auto today = calendar.day_of(now_ms());
    auto days = book.list(std::nullopt, std::nullopt)["days"];
    ASSERT_EQ(days.size(), 2u);
    EXPECT_EQ(days[0]["day"], today);
    EXPECT_EQ(days[0]["closed"], false);
    EXPECT_EQ(days[0]["revenue"], 0);
    EXPECT_EQ(days[1]["day"], day);
}

TEST_F(DayBookTest, ListShowsTheDayInProgressOnce) {
    const auto today = calendar.day_of(now_ms());
    rows.sale({.business_day = today, .amount = 1'000, .kind = "package"});
    auto days = book.list(std::nullopt, today)["days"];
    ASSERT_EQ(days.size(), 1u);
    EXPECT_EQ(days[0]["revenue"], 1'000);
}

}  // namespace
}  // namespace billing::host
