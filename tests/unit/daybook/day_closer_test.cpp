#include "daybook/day_closer.hpp"

#include <chrono>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <billing/sdk/topics.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "bus/event_bus.hpp"
#include "core/clock.hpp"
#include "core/executors.hpp"
#include "daybook/day_book.hpp"
#include "pricing/business_calendar.hpp"
#include "support/eventually.hpp"
#include "unit/daybook/rental_rows.hpp"
#include "unit/pricing/fake_settings.hpp"
#include "unit/storage/migrated_database.hpp"

namespace billing::host {
namespace {

using test::eventually;
using test::SaleRow;

constexpr std::int64_t one_minute_ms = 60'000;

// The UTC time of day "HH:MM" of an instant.
std::string utc_time_of_day(std::int64_t unix_ms) {
    const auto minute = unix_ms / one_minute_ms % 1440;
    return fmt::format("{:02}:{:02}", minute / 60, minute % 60);
}

// A worker thread running the work io_context until destroyed.
class WorkThread {
public:
    WorkThread() : thread_([this] { work_.run(); }) {}
    ~WorkThread() {
        guard_.reset();
        thread_.join();
    }
    WorkThread(const WorkThread&) = delete;
    WorkThread& operator=(const WorkThread&) = delete;

    boost::asio::io_context& context() { return work_; }

private:
    boost::asio::io_context work_;
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> guard_{
        work_.get_executor()};
    std::thread thread_;
};

class DayCloserTest : public ::testing::Test {
protected:
    DayCloserTest() {
        bus.subscribe("test", "day.*",
                      [this](const sdk::Event& event) {
                          std::lock_guard lock(mutex);
                          closed_days.push_back(event.payload["day"]);
                      },
                      [](std::function<void()> job) { job(); });
    }

    std::vector<std::string> closed() {
        std::lock_guard lock(mutex);
        return closed_days;
    }

    // Waits until exactly `days` have been closed, in that order.
    ::testing::AssertionResult closes(const std::vector<std::string>& days) {
        if (eventually([&] { return closed().size() >= days.size(); }, std::chrono::seconds(120)) && closed() == days)
            return ::testing::AssertionSuccess();
        return ::testing::AssertionFailure() << "closed " << ::testing::PrintToString(closed()) << ", expected "
                                             << ::testing::PrintToString(days);
    }

    // A day with a sale, long past: start() closes it, which shows the
    // closer has read the clock and armed itself.
    const std::string missed_day = "2020-01-09";
    void add_missed_day() { rows.sale({.business_day = missed_day, .amount = 1'000, .kind = "package"}); }

    test::MigratedDatabase db;
    test::RentalRows rows{db.database};
    EventBus bus;
    std::mutex mutex;
    std::vector<std::string> closed_days;
    test::FakeSettings settings{"UTC", "06:00"};
    BusinessCalendar calendar{settings};
    DayBook book{db.database, bus, calendar};
    boost::asio::io_context network;
    WorkThread work;
    Executors executors{network, work.context()};
    DayCloser closer{executors, bus, book, calendar};
};

TEST_F(DayCloserTest, StartClosesTheDaysMissedWhileTheHostWasDown) {
    add_missed_day();
    closer.start();
    EXPECT_TRUE(closes({missed_day}));
    EXPECT_EQ(book.summary(missed_day)["closed"], true);
}

TEST_F(DayCloserTest, ABoundaryMovedBeforeNowClosesTheDayAtOnce) {
    // With the boundary ten minutes ahead, now belongs to the day before
    // the one it belongs to with the boundary ten minutes behind.
    const auto now = now_ms();
    settings.set("business_day_start", utc_time_of_day(now + 10 * one_minute_ms));
    const auto day_before = calendar.day_of(now);
    add_missed_day();
    closer.start();
    ASSERT_TRUE(closes({missed_day}));

    settings.set("business_day_start", utc_time_of_day(now - 10 * one_minute_ms));
    ASSERT_NE(calendar.day_of(now), day_before);
    bus.publish(sdk::topics::settings_changed, {{"changed", {"business_day_start"}}}, "host");

    EXPECT_TRUE(closes({missed_day, day_before}));
    EXPECT_EQ(book.summary(day_before)["closed"], true);
}

TEST_F(DayCloserTest, AChangeThatKeepsTheDayClosesNothing) {
    const auto now = now_ms();
    settings.set("business_day_start", utc_time_of_day(now + 10 * one_minute_ms));
    const auto day_before = calendar.day_of(now);
    add_missed_day();
    closer.start();
    ASSERT_TRUE(closes({missed_day}));

    settings.set("business_day_start", utc_time_of_day(now + 20 * one_minute_ms));
    bus.publish(sdk::topics::settings_changed, {{"changed", {"business_day_start"}}}, "host");
    // Events are handled in order: had the first change closed a day, it
    // would show before this one.
    settings.set("business_day_start", utc_time_of_day(now - 10 * one_minute_ms));
    bus.publish(sdk::topics::settings_changed, {{"changed", {"business_day_start"}}}, "host");

    EXPECT_TRUE(closes({missed_day, day_before}));
}

TEST_F(DayCloserTest, AWallClockStepMakesItLookAgain) {
    const auto now = now_ms();
    settings.set("business_day_start", utc_time_of_day(now + 10 * one_minute_ms));
    const auto day_before = calendar.day_of(now);
    add_missed_day();
    closer.start();
    ASSERT_TRUE(closes({missed_day}));

    // As if the wall clock had jumped past the boundary.
    settings.set("business_day_start", utc_time_of_day(now - 10 * one_minute_ms));
    bus.publish(sdk::topics::host_clock_jumped, {{"delta_ms", 20 * one_minute_ms}}, "host");

    EXPECT_TRUE(closes({missed_day, day_before}));
}

// Waits for a real boundary: up to about a minute.
TEST_F(DayCloserTest, TheTimerClosesTheDayAtItsBoundaryAndNotBefore) {
    auto now = now_ms();
    // The next whole minute, or the one after if this one is nearly over.
    auto boundary = (now / one_minute_ms + 1) * one_minute_ms;
    if (boundary - now < 5'000) boundary += one_minute_ms;
    settings.set("business_day_start", utc_time_of_day(boundary));
    const auto day_ending = calendar.day_of(now);
    ASSERT_EQ(calendar.next_day_start(now), boundary);
    closer.start();

    ASSERT_TRUE(closes({day_ending}));
    std::int64_t closed_at = 0;
    ASSERT_TRUE(parse_instant(book.summary(day_ending)["closed_at"].get<std::string>(), closed_at));
    EXPECT_GE(closed_at, boundary);
}

TEST_F(DayCloserTest, StopIsSafeTwiceAndBeforeStart) {
    DayCloser never_started{executors, bus, book, calendar};
    never_started.stop();
    closer.start();
    closer.stop();
    closer.stop();
}

}  // namespace
}  // namespace billing::host
