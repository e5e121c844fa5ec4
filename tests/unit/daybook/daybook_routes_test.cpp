#include "daybook/daybook_routes.hpp"

#include <gtest/gtest.h>

#include "api/router.hpp"
#include "bus/event_bus.hpp"
#include "daybook/day_book.hpp"
#include "pricing/business_calendar.hpp"
#include "unit/daybook/rental_rows.hpp"
#include "unit/pricing/fake_settings.hpp"
#include "unit/storage/migrated_database.hpp"

namespace billing::host {
namespace {

using test::LogRow;
using test::SaleRow;
using test::SessionRow;

class DaybookRoutesTest : public ::testing::Test {
protected:
    DaybookRoutesTest() {
        register_daybook_routes(router, [](std::function<void()> job) { job(); }, book, db.database);
    }

    sdk::HttpResponse get(const std::string& path, std::map<std::string, std::string> query = {}) {
        auto match = router.match("GET", path);
        EXPECT_TRUE(match.route) << path;
        if (!match.route) return {};
        sdk::HttpRequest request;
        request.method = "GET";
        request.path = path;
        request.path_params = match.params;
        request.query = std::move(query);
        try {
            return match.route->handler(request);
        } catch (const sdk::ApiError& error) {
            return error.response();
        }
    }

    static nlohmann::json body(const sdk::HttpResponse& response) { return nlohmann::json::parse(response.body); }

    // The error code of a refused request, and that its message starts
    // with the parameter's name.
    static std::string refusal(const sdk::HttpResponse& response, const std::string& name) {
        EXPECT_EQ(response.status, 400) << response.body;
        auto error = body(response)["error"];
        EXPECT_TRUE(error["message"].get<std::string>().starts_with(name + " ")) << error["message"];
        return error["code"];
    }

    std::vector<long long> entry_ids(const std::map<std::string, std::string>& query) {
        auto response = get("/api/v1/session-log", query);
        EXPECT_EQ(response.status, 200) << response.body;
        const auto page = body(response);
        std::vector<long long> ids;
        for (const auto& entry : page["entries"]) ids.push_back(entry["id"]);
        return ids;
    }

    test::MigratedDatabase db;
    EventBus bus;
    test::FakeSettings settings{"UTC", "06:00"};
    BusinessCalendar calendar{settings};
    DayBook book{db.database, bus, calendar};
    Router router;
    test::RentalRows rows{db.database};
};

TEST_F(DaybookRoutesTest, NeedTheirPermissions) {
    for (const auto* path : {"/api/v1/business-days", "/api/v1/business-days/2020-01-10"}) {
        auto match = router.match("GET", path);
        ASSERT_TRUE(match.route) << path;
        EXPECT_EQ(match.route->access.kind, sdk::Access::Kind::permission);
        EXPECT_EQ(match.route->access.permission, "sales.view");
    }
    auto match = router.match("GET", "/api/v1/session-log");
    ASSERT_TRUE(match.route);
    EXPECT_EQ(match.route->access.permission, "sessions.view");
}

TEST_F(DaybookRoutesTest, BusinessDaysListsTheRange) {
    rows.sale({.business_day = "2020-01-09", .amount = 1'000, .kind = "package"});
    rows.sale({.business_day = "2020-01-10", .amount = 2'000, .kind = "package"});
    book.close("2020-01-09");
    auto response = get("/api/v1/business-days", {{"from", "2020-01-01"}, {"to", "2020-01-31"}});
    ASSERT_EQ(response.status, 200);
    auto days = body(response)["days"];
    ASSERT_EQ(days.size(), 2u);
    EXPECT_EQ(days[0]["day"], "2020-01-10");
    EXPECT_EQ(days[0]["closed"], false);
    EXPECT_EQ(days[1]["day"], "2020-01-09");
    EXPECT_EQ(days[1]["closed"], true);
    EXPECT_EQ(days[1]["revenue"], 1'000);
}

TEST_F(DaybookRoutesTest, BusinessDaysRefusesABadRange) {
    EXPECT_EQ(refusal(get("/api/v1/business-days", {{"from", "2020-1-1"}}), "from"), "invalid_parameter");
    EXPECT_EQ(refusal(get("/api/v1/business-days", {{"to", "2020-02-30"}}), "to"), "invalid_parameter");
    EXPECT_EQ(refusal(get("/api/v1/business-days", {{"from", "2020-02-02"}, {"to", "2020-02-01"}}), "from"),
              "invalid_parameter");
}

TEST_F(DaybookRoutesTest, OneBusinessDayIsItsSummary) {
    const auto tv1 = rows.station("TV01");
    rows.session({.station_id = tv1, .business_day = "2020-01-10", .started_at = 0, .ended_at = 600'000});
    auto response = get("/api/v1/business-days/2020-01-10");
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(body(response), book.summary("2020-01-10"));
    EXPECT_EQ(body(response)["minutes"], 10);
}

TEST_F(DaybookRoutesTest, OneBusinessDayRefusesADateThatDoesNotExist) {
    EXPECT_EQ(refusal(get("/api/v1/business-days/2020-02-30"), "day"), "invalid_day");
    EXPECT_EQ(refusal(get("/api/v1/business-days/today"), "day"), "invalid_day");
}

class SessionLogRoutesTest : public DaybookRoutesTest {
protected:
    SessionLogRoutesTest() {
        tv1 = rows.station("TV01");
        tv2 = rows.station("TV02");
        member = rows.member("6281234567890");
        first = rows.session({.station_id = tv1, .business_day = "2020-01-09", .started_at = 0, .ended_at = 1,
                              .member_id = member});
        second = rows.session({.station_id = tv2, .business_day = "2020-01-10", .started_at = 0});
        started = rows.log_entry({.session_id = first, .station_id = tv1, .business_day = "2020-01-09",
                                  .member_id = member, .details = R"({"package_id":1})", .at = 1'000});
        ended = rows.log_entry({.session_id = first, .station_id = tv1, .business_day = "2020-01-09",
                                .event = "ended", .actor = "system", .member_id = member, .at = 2'000});
        other = rows.log_entry({.session_id = second, .station_id = tv2, .business_day = "2020-01-10",
                                .actor = "plugin:whatsapp", .at = 3'000});
    }

    long long tv1 = 0, tv2 = 0, member = 0, first = 0, second = 0, started = 0, ended = 0, other = 0;
};

TEST_F(SessionLogRoutesTest, ListsEntriesNewestFirst) {
    auto response = get("/api/v1/session-log");
    ASSERT_EQ(response.status, 200);
    auto page = body(response);
    ASSERT_EQ(page["entries"].size(), 3u);
    EXPECT_TRUE(page["next_before_id"].is_null());
    const nlohmann::json expected = {{"id", started},
                                     {"at", "1970-01-01T00:00:01.000Z"},
                                     {"business_day", "2020-01-09"},
                                     {"session_id", first},
                                     {"station_id", tv1},
                                     {"station_code", "TV01"},
                                     {"member_id", member},
                                     {"event", "started"},
                                     {"actor", "kasir"},
                                     {"details", {{"package_id", 1}}}};
    EXPECT_EQ(page["entries"][2], expected);
    EXPECT_EQ(page["entries"][0]["id"], other);
    EXPECT_TRUE(page["entries"][0]["member_id"].is_null());
}

TEST_F(SessionLogRoutesTest, FiltersByDayStationMemberOperatorAndSession) {
    using Ids = std::vector<long long>;
    EXPECT_EQ(entry_ids({{"day", "2020-01-09"}}), (Ids{ended, started}));
    EXPECT_EQ(entry_ids({{"station", std::to_string(tv2)}}), (Ids{other}));
    EXPECT_EQ(entry_ids({{"member", std::to_string(member)}}), (Ids{ended, started}));
    EXPECT_EQ(entry_ids({{"operator", "plugin:whatsapp"}}), (Ids{other}));
    EXPECT_EQ(entry_ids({{"session", std::to_string(first)}, {"operator", "system"}}), (Ids{ended}));
}

TEST_F(SessionLogRoutesTest, UnknownValuesFindNothing) {
    EXPECT_TRUE(entry_ids({{"day", "2021-01-01"}}).empty());
    EXPECT_TRUE(entry_ids({{"station", "999"}}).empty());
    EXPECT_TRUE(entry_ids({{"member", "999"}}).empty());
    EXPECT_TRUE(entry_ids({{"operator", "nobody"}}).empty());
    EXPECT_TRUE(entry_ids({{"session", "999"}}).empty());
}

TEST_F(SessionLogRoutesTest, MalformedValuesAreRefusedNamingTheParameter) {
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"day", "2020-13-01"}, {"day", "yesterday"}, {"station", "TV01"}, {"station", "0"},   {"member", "-1"},
        {"session", "1.5"},    {"before_id", "x"},  {"limit", "0"},       {"limit", "501"},
        {"operator", std::string(201, 'x')}};
    for (const auto& [name, value] : bad) {
        EXPECT_EQ(refusal(get("/api/v1/session-log", {{name, value}}), name), "invalid_parameter") << name << "=" << value;
    }
}

TEST_F(SessionLogRoutesTest, PagesWithLimitAndBeforeId) {
    auto page = body(get("/api/v1/session-log", {{"limit", "2"}}));
    ASSERT_EQ(page["entries"].size(), 2u);
    EXPECT_EQ(page["next_before_id"], ended);
    page = body(get("/api/v1/session-log", {{"limit", "2"}, {"before_id", std::to_string(ended)}}));
    ASSERT_EQ(page["entries"].size(), 1u);
    EXPECT_EQ(page["entries"][0]["id"], started);
    EXPECT_TRUE(page["next_before_id"].is_null());
}

}  // namespace
}  // namespace billing::host
