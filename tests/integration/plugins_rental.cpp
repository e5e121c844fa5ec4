// A plugin drives the rental core through sdk::Rental (as the WhatsApp and
// TV plugins will): same rules and errors as the dashboard, recorded under
// the plugin's name.
#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

using nlohmann::json;
const std::string kBase = "/api/v1/plugins/fixture-rental";

class PluginsRental : public ::testing::Test {
protected:
    void SetUp() override {
        token = admin_token(admin);
        package = create_fixed_package(admin);
        station = create_station(admin, "TV01");
    }

    HostProcess host{HostOptions{.fixture_plugins = true}};
    HttpClient admin{host.port()};
    std::string token;
    std::int64_t package = 0, station = 0;
};

TEST_F(PluginsRental, APluginStartsAndStopsSessionsUnderItsOwnName) {
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    auto started = admin.post(kBase + "/sessions", {{"station_code", "TV01"}, {"package_id", package}});
    ASSERT_EQ(started.status, 201) << started.body;
    EXPECT_EQ(started.json()["started_by"], "plugin:fixture-rental");
    auto event = next_event(events, "session.started");
    EXPECT_EQ(event["source"], "host");
    EXPECT_EQ(event["payload"]["actor"], "plugin:fixture-rental");

    const auto id = std::to_string(started.json()["id"].get<std::int64_t>());
    EXPECT_EQ(admin.get(kBase + "/stations/tv01").json()["state"], "active");
    EXPECT_EQ(admin.get(kBase + "/sessions/" + id).json()["state"], "running");
    auto stopped = admin.post(kBase + "/sessions/" + id + "/stop");
    ASSERT_EQ(stopped.status, 200) << stopped.body;
    EXPECT_EQ(stopped.json()["ended_by"], "plugin:fixture-rental");

    auto audit = admin.get("/api/v1/audit?actor=plugin:fixture-rental").json()["entries"];
    ASSERT_EQ(audit.size(), 2u) << audit;
    EXPECT_EQ(audit[0]["action"], "sessions.stop");
    EXPECT_EQ(audit[1]["action"], "sessions.start");
    EXPECT_EQ(audit[1]["target"], "session:" + id);
}

TEST_F(PluginsRental, ThePluginGetsTheSameErrorsAndKeepsRunning) {
    start_session(admin, station, package);
    auto busy = admin.post(kBase + "/sessions", {{"station_code", "TV01"}, {"package_id", package}});
    EXPECT_EQ(busy.status, 409);
    EXPECT_EQ(busy.error_code(), "station_busy");
    EXPECT_EQ(admin.get(kBase + "/sessions/999").error_code(), "session_not_found");
    EXPECT_EQ(admin.get(kBase + "/members/0812999").error_code(), "member_not_found");
    EXPECT_EQ(admin.get("/api/v1/plugins/fixture-rental").json()["state"], "running");
}

TEST_F(PluginsRental, ThePluginReportsTheTvLinkAndCreatesStations) {
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    ASSERT_EQ(admin.put(kBase + "/tv/TV01", {{"online", false}}).status, 204);
    EXPECT_EQ(admin.get("/api/v1/stations/" + std::to_string(station)).json()["state"], "offline");
    EXPECT_EQ(next_event(events, "station.tv_changed")["payload"]["tv_online"], false);
    ASSERT_EQ(admin.put(kBase + "/tv/TV01", {{"online", true}}).status, 204);
    auto board = admin.get("/api/v1/stations/" + std::to_string(station)).json();
    EXPECT_EQ(board["state"], "locked");
    EXPECT_EQ(board["tv_online"], true);
    EXPECT_EQ(admin.put(kBase + "/tv/TV09", {{"online", true}}).error_code(), "station_not_found");

    auto created = admin.post(kBase + "/stations", {{"console_type", "PS5"}});
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.json()["code"], "TV02");  // the next free code
    EXPECT_EQ(admin.get(kBase + "/stations").json()["stations"].size(), 2u);
    EXPECT_EQ(admin.get(kBase + "/packages").json()["packages"].size(), 1u);
}

TEST_F(PluginsRental, ThePluginFindsMembersByAnyFormOfTheirNumber) {
    const auto member = create_member(admin, "Andi", "0812-3456-7890");
    ASSERT_EQ(admin.post("/api/v1/members/" + std::to_string(member) + "/purchases", {{"package_id", package}}).status, 201);
    auto found = admin.get(kBase + "/members/+6281234567890");
    ASSERT_EQ(found.status, 200) << found.body;
    EXPECT_EQ(found.json()["name"], "Andi");
    EXPECT_EQ(found.json()["balances"][0]["units"], 1);
    auto started = admin.post(kBase + "/sessions", {{"station_id", station}, {"package_id", package}, {"member_id", member}});
    ASSERT_EQ(started.status, 201) << started.body;
    EXPECT_EQ(started.json()["payment"], "balance");
}

}  // namespace
}  // namespace billing::test
