// Stations' mutations and packages on the real host: validation codes that
// change nothing, permissions, the audit trail, SSE events, persistence
// across a restart, races between two clients, and the rules that tie
// stations to live sessions.
#include <latch>
#include <set>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

void expect_error(const HttpResult& result, int status, const std::string& code) {
    EXPECT_EQ(result.status, status) << result.body;
    EXPECT_EQ(result.error_code(), code) << result.body;
}

std::string id_text(const HttpResult& result) { return std::to_string(result.json()["id"].get<std::int64_t>()); }

const nlohmann::json kOpenPlay = {{"name", "Main bebas PS5"}, {"console_type", "PS5"},   {"kind", "open"},
                                  {"price", 12000},           {"night_price", 15000},    {"night_from", "18:00"},
                                  {"night_until", "06:00"},   {"rounding_minutes", 15}, {"minimum_charge", 5000}};
const nlohmann::json kOneHour = {
    {"name", "1 jam"}, {"console_type", "any"}, {"kind", "fixed"}, {"duration_minutes", 60}, {"price", 10000}};

TEST(CatalogApi, AdminCreatesPackagesAndStationsThatSurviveARestart) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);

    auto open = admin.post("/api/v1/packages", kOpenPlay);
    ASSERT_EQ(open.status, 201) << open.body;
    EXPECT_EQ(open.json()["night_from"], "18:00");
    EXPECT_TRUE(open.json()["duration_minutes"].is_null());
    auto fixed = admin.post("/api/v1/packages", kOneHour);
    ASSERT_EQ(fixed.status, 201) << fixed.body;
    EXPECT_EQ(fixed.json()["rounding_minutes"], 1);
    EXPECT_EQ(fixed.json()["active"], true);

    auto tv = admin.post("/api/v1/stations", {{"code", "tv01"},
                                               {"name", "Pojok"},
                                               {"console_type", "PS5"},
                                               {"tariff_package_id", open.json()["id"]},
                                               {"ip_address", "192.168.1.21"}});
    ASSERT_EQ(tv.status, 201) << tv.body;
    EXPECT_EQ(tv.json()["code"], "TV01");
    EXPECT_EQ(tv.json()["enabled"], true);
    EXPECT_EQ(tv.json()["maintenance"], false);
    EXPECT_THAT(tv.json()["created_at"].get<std::string>(), testing::EndsWith("Z"));

    auto renamed = admin.put("/api/v1/stations/" + id_text(tv), {{"name", "Depan"}, {"maintenance", true}});
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(renamed.json()["name"], "Depan");
    auto retired = admin.put("/api/v1/packages/" + id_text(fixed), {{"active", false}});
    ASSERT_EQ(retired.status, 200) << retired.body;

    const auto packages = admin.get("/api/v1/packages").json();
    ASSERT_EQ(packages["packages"].size(), 2u);
    EXPECT_EQ(admin.get("/api/v1/packages?active=true").json()["packages"].size(), 1u);
    EXPECT_EQ(admin.get("/api/v1/packages?active=false").json()["packages"][0]["id"], fixed.json()["id"]);
    // The sessions module's board lists the station with what the catalog stored.
    auto board = admin.get("/api/v1/stations/" + id_text(tv));
    ASSERT_EQ(board.status, 200) << board.body;
    EXPECT_EQ(board.json()["name"], "Depan");
    EXPECT_EQ(board.json()["tariff_package_id"], open.json()["id"]);

    ASSERT_EQ(host.stop(), 0) << host.log();
    host.start();
    HttpClient again(host.port());
    admin_token(again);
    EXPECT_EQ(again.get("/api/v1/packages").json(), packages);
    auto station = again.get("/api/v1/stations/" + id_text(tv)).json();
    EXPECT_EQ(station["code"], "TV01");
    EXPECT_EQ(station["ip_address"], "192.168.1.21");
    EXPECT_EQ(station["maintenance"], true);
}

TEST(CatalogApi, BadInputGetsItsOwnCodeAndChangesNothing) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);
    const auto open = admin.post("/api/v1/packages", kOpenPlay).json();
    const auto fixed = admin.post("/api/v1/packages", kOneHour).json();
    const auto tv = admin.post("/api/v1/stations", {{"code", "TV01"}, {"console_type", "PS4"}, {"ip_address", "10.0.0.1"}});
    ASSERT_EQ(tv.status, 201) << tv.body;
    const auto tv_path = "/api/v1/stations/" + id_text(tv);
    const auto packages_before = admin.get("/api/v1/packages").json();
    const auto stations_before = admin.get("/api/v1/stations").json()["stations"];

    auto with = [](nlohmann::json body, const nlohmann::json& changes) {
        body.update(changes);
        return body;
    };
    expect_error(admin.post("/api/v1/packages", with(kOneHour, {{"price", -1}})), 400, "invalid_price");
    expect_error(admin.post("/api/v1/packages", with(kOneHour, {{"price", 100'000'001}})), 400, "invalid_price");
    expect_error(admin.post("/api/v1/packages", with(kOpenPlay, {{"night_price", nullptr}})), 400, "invalid_night_window");
    expect_error(admin.post("/api/v1/packages", with(kOpenPlay, {{"night_until", "18:00"}})), 400, "invalid_night_window");
    expect_error(admin.post("/api/v1/packages", with(kOpenPlay, {{"rounding_minutes", 7}})), 400, "invalid_field");
    expect_error(admin.post("/api/v1/packages", with(kOneHour, {{"duration_minutes", 0}})), 400, "invalid_field");
    expect_error(admin.post("/api/v1/packages", with(kOneHour, {{"name", ""}})), 400, "invalid_field");
    expect_error(admin.post("/api/v1/packages", with(kOneHour, {{"size", "L"}})), 400, "unknown_field");
    expect_error(admin.request("POST", "/api/v1/packages", "{\"name\":", {{"Content-Type", "application/json"}}), 400,
                 "invalid_json");
    const auto fixed_path = "/api/v1/packages/" + std::to_string(fixed["id"].get<std::int64_t>());
    expect_error(admin.put(fixed_path, {{"kind", "open"}}), 409, "package_kind_locked");
    expect_error(admin.put(fixed_path, {{"price", 20000}, {"minimum_charge", -5}}), 400, "invalid_price");
    expect_error(admin.put("/api/v1/packages/999", {{"price", 1}}), 404, "package_not_found");
    expect_error(admin.get("/api/v1/packages/999"), 404, "package_not_found");
    expect_error(admin.get("/api/v1/packages?active=maybe"), 400, "invalid_parameter");

    expect_error(admin.post("/api/v1/stations", {{"code", "Tv01"}, {"console_type", "PS4"}}), 409, "station_code_taken");
    expect_error(admin.post("/api/v1/stations", {{"code", "TV02"}, {"console_type", "PS4"}, {"ip_address", "10.0.0.1"}}),
                 409, "station_ip_taken");
    expect_error(admin.post("/api/v1/stations", {{"code", "TV 02"}, {"console_type", "PS4"}}), 400, "invalid_field");
    expect_error(admin.post("/api/v1/stations", {{"code", "TV02"}}), 400, "missing_field");
    expect_error(admin.post("/api/v1/stations", {{"code", "TV02"}, {"console_type", "PS4"}, {"tariff_package_id", 999}}),
                 404, "package_not_found");
    expect_error(admin.post("/api/v1/stations",
                            {{"code", "TV02"}, {"console_type", "PS4"}, {"tariff_package_id", fixed["id"]}}),
                 409, "package_not_open_play");
    expect_error(admin.post("/api/v1/stations",
                            {{"code", "TV02"}, {"console_type", "PS4"}, {"tariff_package_id", open["id"]}}),
                 409, "package_console_mismatch");
    expect_error(admin.put(tv_path, {{"ip_address", "10.0.0"}}), 400, "invalid_field");
    expect_error(admin.put("/api/v1/stations/999", {{"name", "x"}}), 404, "station_not_found");
    expect_error(admin.del("/api/v1/stations/999"), 404, "station_not_found");

    auto named = admin.post("/api/v1/packages", with(kOneHour, {{"price", -250}}));
    EXPECT_THAT(named.json()["error"]["message"].get<std::string>(), testing::HasSubstr("price")) << named.body;

    EXPECT_EQ(admin.get("/api/v1/packages").json(), packages_before);
    EXPECT_EQ(admin.get("/api/v1/stations").json()["stations"], stations_before);
}

TEST(CatalogApi, ManagingNeedsItsPermissionButAnyoneSignedInReadsPackages) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);
    const auto package_id = admin.post("/api/v1/packages", kOneHour).json()["id"].get<std::int64_t>();

    HttpClient kasir(host.port());
    kasir.set_token(create_operator(admin, "kasir", {}));
    HttpClient manager(host.port());
    manager.set_token(create_operator(admin, "manajer", {"stations.manage", "packages.manage"}));

    EXPECT_EQ(kasir.get("/api/v1/packages").status, 200);
    EXPECT_EQ(kasir.get("/api/v1/packages/" + std::to_string(package_id)).status, 200);
    expect_error(kasir.post("/api/v1/packages", kOneHour), 403, "forbidden");
    expect_error(kasir.put("/api/v1/packages/" + std::to_string(package_id), {{"price", 1}}), 403, "forbidden");
    expect_error(kasir.post("/api/v1/stations", {{"code", "TV01"}, {"console_type", "PS4"}}), 403, "forbidden");

    auto station = manager.post("/api/v1/stations", {{"code", "TV01"}, {"console_type", "PS4"}});
    ASSERT_EQ(station.status, 201) << station.body;
    expect_error(kasir.put("/api/v1/stations/" + id_text(station), {{"name", "x"}}), 403, "forbidden");
    expect_error(kasir.del("/api/v1/stations/" + id_text(station)), 403, "forbidden");
    EXPECT_EQ(manager.post("/api/v1/packages", kOneHour).status, 201);
    EXPECT_EQ(manager.del("/api/v1/stations/" + id_text(station)).status, 204);

    HttpClient anonymous(host.port());
    expect_error(anonymous.get("/api/v1/packages"), 401, "unauthorized");
    expect_error(anonymous.post("/api/v1/stations", {{"code", "TV09"}, {"console_type", "PS4"}}), 401, "unauthorized");
}

TEST(CatalogApi, MutationsAreAuditedWithTargetAndChangedFields) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);
    auto station = admin.post("/api/v1/stations", {{"code", "TV01"}, {"console_type", "PS4"}});
    ASSERT_EQ(station.status, 201);
    ASSERT_EQ(admin.put("/api/v1/stations/" + id_text(station), {{"name", "Pojok"}, {"enabled", true}}).status, 200);
    auto package = admin.post("/api/v1/packages", kOneHour);
    ASSERT_EQ(package.status, 201);

    auto entries = admin.get("/api/v1/audit?target=station:" + id_text(station)).json()["entries"];
    ASSERT_EQ(entries.size(), 2u) << entries.dump();
    // Newest first.
    EXPECT_EQ(entries[0]["action"], "stations.update");
    EXPECT_EQ(entries[0]["actor"], "admin");
    EXPECT_EQ(entries[0]["status"], 200);
    EXPECT_EQ(entries[0]["details"], (nlohmann::json{{"changed", {"name"}}}));
    EXPECT_EQ(entries[1]["action"], "stations.create");
    EXPECT_EQ(entries[1]["details"]["code"], "TV01");
    auto package_entries = admin.get("/api/v1/audit?target=package:" + id_text(package)).json()["entries"];
    ASSERT_EQ(package_entries.size(), 1u);
    EXPECT_EQ(package_entries[0]["action"], "packages.create");
    EXPECT_EQ(package_entries[0]["details"]["price"], 10000);
}

TEST(CatalogApi, ChangesAreStreamedAsEvents) {
    HostProcess host;
    HttpClient admin(host.port());
    const auto token = admin_token(admin);
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    ASSERT_EQ(events.status(), 200);

    auto package = admin.post("/api/v1/packages", kOneHour);
    ASSERT_EQ(package.status, 201);
    auto created = next_event(events, "package.created");
    ASSERT_FALSE(created.is_null());
    EXPECT_EQ(created["source"], "host");
    EXPECT_EQ(created["payload"]["package"], package.json());
    EXPECT_EQ(created["payload"]["actor"], "admin");

    auto updated_package = admin.put("/api/v1/packages/" + id_text(package), {{"price", 11000}});
    auto package_updated = next_event(events, "package.updated");
    ASSERT_FALSE(package_updated.is_null());
    EXPECT_EQ(package_updated["payload"]["package"], updated_package.json());
    EXPECT_EQ(package_updated["payload"]["changed"], nlohmann::json::array({"price"}));

    auto station = admin.post("/api/v1/stations", {{"code", "TV01"}, {"console_type", "PS4"}});
    auto station_created = next_event(events, "station.created");
    ASSERT_FALSE(station_created.is_null());
    EXPECT_EQ(station_created["payload"]["station"], station.json());

    auto updated = admin.put("/api/v1/stations/" + id_text(station), {{"code", "vip1"}});
    auto station_updated = next_event(events, "station.updated");
    ASSERT_FALSE(station_updated.is_null());
    EXPECT_EQ(station_updated["payload"]["station"], updated.json());
    EXPECT_EQ(station_updated["payload"]["changed"], nlohmann::json::array({"code"}));

    ASSERT_EQ(admin.del("/api/v1/stations/" + id_text(station)).status, 204);
    auto deleted = next_event(events, "station.deleted");
    ASSERT_FALSE(deleted.is_null());
    EXPECT_EQ(deleted["payload"]["station"]["code"], "VIP1");
    EXPECT_EQ(deleted["payload"]["actor"], "admin");
}

TEST(CatalogApi, OfTwoClientsCreatingOneCodeAtOnceExactlyOneWins) {
    HostProcess host;
    HttpClient admin(host.port());
    const auto token = admin_token(admin);
    constexpr int rounds = 10;
    for (int round = 0; round < rounds; ++round) {
        const auto code = "TV" + std::to_string(10 + round);
        std::latch start(2);
        HttpResult results[2];
        std::vector<std::thread> clients;
        for (int i = 0; i < 2; ++i) {
            clients.emplace_back([&, i] {
                HttpClient client(host.port());
                client.set_token(token);
                start.arrive_and_wait();
                results[i] = client.post("/api/v1/stations", {{"code", i ? code : "tv" + code.substr(2)}, {"console_type", "PS4"}});
            });
        }
        for (auto& client : clients) client.join();
        std::multiset<int> statuses = {results[0].status, results[1].status};
        EXPECT_EQ(statuses, (std::multiset<int>{201, 409})) << results[0].body << " / " << results[1].body;
    }
    EXPECT_EQ(admin.get("/api/v1/stations").json()["stations"].size(), static_cast<std::size_t>(rounds));
}

TEST(CatalogApi, AStationWithALiveSessionStaysInServiceAndOneWithHistoryStays) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);
    const auto package_id = admin.post("/api/v1/packages", kOneHour).json()["id"];
    auto station = admin.post("/api/v1/stations", {{"code", "TV01"}, {"console_type", "PS4"}});
    ASSERT_EQ(station.status, 201);
    const auto path = "/api/v1/stations/" + id_text(station);

    auto session = admin.post("/api/v1/sessions", {{"station_id", station.json()["id"]}, {"package_id", package_id}});
    ASSERT_EQ(session.status, 201) << session.body;
    expect_error(admin.put(path, {{"enabled", false}}), 409, "station_busy");
    expect_error(admin.put(path, {{"maintenance", true}}), 409, "station_busy");
    expect_error(admin.del(path), 409, "station_busy");
    EXPECT_EQ(admin.put(path, {{"name", "Still fine"}}).status, 200);

    auto stopped = admin.post("/api/v1/sessions/" + id_text(session) + "/stop", nlohmann::json::object());
    ASSERT_EQ(stopped.status, 200) << stopped.body;
    expect_error(admin.del(path), 409, "station_in_use");
    auto disabled = admin.put(path, {{"enabled", false}});
    ASSERT_EQ(disabled.status, 200) << disabled.body;
    EXPECT_EQ(disabled.json()["enabled"], false);
}

}  // namespace
}  // namespace billing::test
