// The daily reset at the business-day boundary (06:00 Asia/Jakarta by
// default), on the real host started under libfaketime 20 seconds before it.
#include <gtest/gtest.h>

#include "support/eventually.hpp"
#include "support/test_support.hpp"

namespace billing::test {
namespace {

using nlohmann::json;

TEST(DailyReset, ClosesTheDayAtTheBoundaryAndKeepsRunningSessionsOnTheirDay) {
    if (const auto why = faketime_unusable(); !why.empty()) GTEST_SKIP() << why;
    // 05:59:40 in Jakarta (UTC+7).
    HostProcess host({.environment = faketime_environment("@2026-11-20 22:59:40")});
    HttpClient admin(host.port());
    const auto token = admin_token(admin);
    const auto package = create_fixed_package(admin);
    const auto open = create_open_package(admin, {{"price", 6000}, {"minimum_charge", 2000}});
    const auto tv01 = create_station(admin, "TV01"), tv02 = create_station(admin, "TV02"),
               tv03 = create_station(admin, "TV03");
    SseClient events(host.port(), "/api/v1/events?token=" + token);

    auto fixed = start_session(admin, tv01, package);
    auto open_play = start_session(admin, tv02, open);
    ASSERT_EQ(fixed["business_day"], "2026-11-20");
    ASSERT_EQ(admin.get("/api/v1/business-days/2026-11-20").json()["closed"], false);

    auto closed = next_event(events, "day.closed", std::chrono::seconds(40))["payload"];
    EXPECT_EQ(closed["day"], "2026-11-20");
    auto summary = admin.get("/api/v1/business-days/2026-11-20").json();
    EXPECT_EQ(summary["closed"], true);
    EXPECT_EQ(summary["sessions"], 2);
    EXPECT_EQ(summary["revenue"], 10000);

    // The sessions keep running; new ones count on the new day.
    EXPECT_EQ(admin.get("/api/v1/stations/" + std::to_string(tv01)).json()["state"], "active");
    auto next_day = start_session(admin, tv03, package);
    EXPECT_EQ(next_day["business_day"], "2026-11-21");

    // Open play that ran past the boundary is paid on the day it started.
    auto stopped = admin.post("/api/v1/sessions/" + std::to_string(open_play["id"].get<std::int64_t>()) + "/stop");
    ASSERT_EQ(stopped.status, 200) << stopped.body;
    EXPECT_EQ(stopped.json()["amount_due"], 2000);
    EXPECT_TRUE(eventually(
        [&] { return admin.get("/api/v1/business-days/2026-11-20").json()["revenue"] == 12000; }));
    EXPECT_EQ(admin.get("/api/v1/business-days/2026-11-21").json()["revenue"], 10000);
}

TEST(DailyReset, ClosesTheDaysMissedWhileTheHostWasDown) {
    if (const auto why = faketime_unusable(); !why.empty()) GTEST_SKIP() << why;
    HostProcess host({.environment = faketime_environment("@2026-11-20 12:00:00")});
    HttpClient admin(host.port());
    admin_token(admin);
    start_session(admin, create_station(admin, "TV01"), create_fixed_package(admin));
    host.kill9();
    // Two days later.
    host.set_environment(faketime_environment("@2026-11-22 12:00:00"));
    host.start();
    admin.set_token(admin_token(admin));
    auto day = admin.get("/api/v1/business-days/2026-11-20").json();
    EXPECT_EQ(day["closed"], true);
    EXPECT_EQ(day["sessions"], 1);
    EXPECT_EQ(day["revenue"], 10000);
}

}  // namespace
}  // namespace billing::test
