// The notifications plugin on the real host: each rule, each delivery (the
// dashboard's notification.created, the TV's tv.command, WhatsApp's
// whatsapp.send), the WhatsApp queue flushed when the WhatsApp plugin starts
// (the fixture-echo plugin stands in for it), no warning twice across a
// restart, and the notification centre's read state per user.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/eventually.hpp"
#include "support/plugin_folders.hpp"
#include "support/test_support.hpp"

namespace billing::test {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

const std::string kApi = "/api/v1/plugins/notifications";
const std::string kConfig = "/api/v1/plugins/notifications/config";

// Every delivery a rule can have.
const json kEverywhere = json::array({"dashboard", "tv", "whatsapp"});

class Notifications : public ::testing::Test {
protected:
    void SetUp() override {
        token = admin_token(admin);
        station = create_station(admin, "TV01");
        create_station(admin, "TV02");
    }

    // Replaces the plugin's configuration (the rest keeps its defaults).
    void configure(const json& config) {
        auto answer = admin.put(kConfig, config);
        ASSERT_EQ(answer.status, 200) << answer.body;
    }
    json notifications(HttpClient& client, const std::string& query = "") {
        auto answer = client.get(kApi + "/notifications" + query);
        EXPECT_EQ(answer.status, 200) << answer.body;
        return answer.json();
    }
    std::vector<json> of_kind(const std::string& kind) {
        std::vector<json> found;
        const auto listed = notifications(admin, "?limit=200");
        for (const auto& notification : listed["notifications"])
            if (notification["kind"] == kind) found.push_back(notification);
        return found;
    }
    // Publishes a bus event as another plugin would (fixture-echo's route).
    void publish(const std::string& topic, const json& payload) {
        auto answer = admin.post("/api/v1/plugins/fixture-echo/publish", {{"topic", topic}, {"payload", payload}});
        ASSERT_EQ(answer.status, 204) << answer.body;
    }
    void set_enabled(const std::string& plugin, bool enabled) {
        auto answer = admin.put("/api/v1/plugins/" + plugin, {{"enabled", enabled}});
        ASSERT_EQ(answer.status, 200) << answer.body;
    }
    void restart() {
        ASSERT_EQ(host.stop(), 0);
        host.start();
        // GET /api/v1/plugins/notifications is the host's view of the plugin.
        ASSERT_TRUE(eventually([&] { return admin.get(kApi).json()["state"] == "running"; }));
    }
    json stop_session(std::int64_t session_id) {
        auto answer = admin.post("/api/v1/sessions/" + std::to_string(session_id) + "/stop");
        EXPECT_EQ(answer.status, 200) << answer.body;
        return answer.json();
    }
    // The events on the stream before the next `topic` one (which is consumed).
    std::vector<json> events_before(SseClient& events, const std::string& topic) {
        std::vector<json> seen;
        while (auto event = events.next(10s)) {
            auto data = json::parse(event->data);
            if (event->event == topic) return seen;
            seen.push_back(data);
        }
        ADD_FAILURE() << "no " << topic << " event came";
        return seen;
    }
    static int count_topic(const std::vector<json>& events, const std::string& topic) {
        int count = 0;
        for (const auto& event : events) count += event["topic"] == topic ? 1 : 0;
        return count;
    }

    TempDir plugins;
    HostProcess host{HostOptions{
        .plugins_dir = linked_plugins_dir(plugins.path() / "plugins",
                                          {std::filesystem::path(BILLING_PRODUCT_PLUGIN_DIR) / "notifications",
                                           std::filesystem::path(BILLING_FIXTURE_PLUGIN_DIR) / "fixture-echo",
                                           std::filesystem::path(BILLING_FIXTURE_PLUGIN_DIR) / "fixture-rental"})}};
    HttpClient admin{host.port()};
    std::string token;
    std::int64_t station = 0;
};

TEST_F(Notifications, AWarningComesOnceAtTheNearestThresholdEvenAcrossARestart) {
    configure({{"ending_soon", {{"deliver", kEverywhere}}}, {"whatsapp_numbers", {"081211112222"}}});
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    // Three minutes is already inside the 5-minute threshold: warned at once
    // with the real minutes left, and only for the nearest threshold.
    const auto package = create_fixed_package(admin, {{"duration_minutes", 3}});
    const auto session = start_session(admin, station, package);

    auto created = next_event(events, "notification.created")["payload"]["notification"];
    EXPECT_EQ(created["kind"], "ending_soon");
    EXPECT_EQ(created["severity"], "warning");
    EXPECT_EQ(created["station_code"], "TV01");
    EXPECT_EQ(created["station_id"], station);
    EXPECT_EQ(created["session_id"], session["id"]);
    EXPECT_EQ(created["data"]["minutes_left"], 3);
    EXPECT_EQ(created["data"]["threshold_minutes"], 5);
    EXPECT_EQ(created["title"], "TV01: 3 menit lagi");
    EXPECT_EQ(created["audience"], "sessions.view");
    EXPECT_TRUE(created["at"].get<std::string>().ends_with("Z"));
    auto command = next_event(events, "tv.command")["payload"];
    EXPECT_EQ(command["station_code"], "TV01");
    EXPECT_EQ(command["command"], "notice");
    EXPECT_EQ(command["args"]["text"], "3 menit lagi");
    EXPECT_EQ(command["args"]["level"], "warning");
    EXPECT_EQ(command["args"]["seconds"], 15);

    restart();
    // The plugin has planned the live session again in start(): the 5-minute
    // warning, still due, is not given twice; the 1-minute one is still to come.
    EXPECT_EQ(of_kind("ending_soon").size(), 1u);
}

TEST_F(Notifications, AWarningTimedAfterARestartComesAtItsThreshold) {
    configure({{"ending_soon", {{"minutes", {1}}}}});
    const auto package = create_fixed_package(admin, {{"duration_minutes", 2}});
    const auto session = start_session(admin, station, package);
    EXPECT_TRUE(of_kind("ending_soon").empty());  // a minute to go before it is due

    // The timer is planned again from the live session when the plugin starts.
    restart();
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    auto created = next_event(events, "notification.created", 90s)["payload"]["notification"];
    EXPECT_EQ(created["kind"], "ending_soon");
    EXPECT_EQ(created["session_id"], session["id"]);
    EXPECT_EQ(created["data"]["minutes_left"], 1);
    EXPECT_EQ(created["data"]["threshold_minutes"], 1);
    EXPECT_EQ(created["severity"], "critical");
}

TEST_F(Notifications, AnExtensionDuringAPauseBringsTheWarningsAgain) {
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    const auto package = create_fixed_package(admin, {{"duration_minutes", 3}});
    const auto id = std::to_string(start_session(admin, station, package)["id"].get<std::int64_t>());
    EXPECT_EQ(next_event(events, "notification.created")["payload"]["notification"]["data"]["minutes_left"], 3);

    ASSERT_EQ(admin.post("/api/v1/sessions/" + id + "/pause").status, 200);
    ASSERT_EQ(admin.post("/api/v1/sessions/" + id + "/extend", {{"minutes", 1}}).status, 200);
    ASSERT_EQ(admin.post("/api/v1/sessions/" + id + "/resume").status, 200);
    // A new end: the 5-minute warning again, now with four minutes left.
    auto again = next_event(events, "notification.created")["payload"]["notification"];
    EXPECT_EQ(again["kind"], "ending_soon");
    EXPECT_EQ(again["data"]["minutes_left"], 4);
    EXPECT_EQ(of_kind("ending_soon").size(), 2u);
}

TEST_F(Notifications, TheEndOfASessionIsToldWithTheMoneyToCollect) {
    configure({{"session_ended", {{"deliver", json::array({"dashboard", "tv"})}}}});
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    const auto open = create_open_package(admin, {{"minimum_charge", 5000}});
    const auto session = start_session(admin, station, open);
    stop_session(session["id"].get<std::int64_t>());

    auto created = next_event(events, "notification.created")["payload"]["notification"];
    EXPECT_EQ(created["kind"], "session_ended");
    EXPECT_EQ(created["severity"], "warning");
    EXPECT_EQ(created["title"], "TV01: sesi dihentikan");
    EXPECT_NE(created["body"].get<std::string>().find("Tagih Rp 5.000."), std::string::npos) << created;
    EXPECT_EQ(created["data"]["reason"], "stopped");
    EXPECT_EQ(created["data"]["charge"], 5000);
    EXPECT_EQ(created["data"]["actor"], "admin");
    auto command = next_event(events, "tv.command")["payload"];
    EXPECT_EQ(command["station_code"], "TV01");
    EXPECT_EQ(command["args"]["text"], "Sesi selesai");

    // Turned off, the rule says nothing.
    configure({{"session_ended", {{"enabled", false}}}});
    const auto fixed = create_fixed_package(admin);
    stop_session(start_session(admin, station, fixed)["id"].get<std::int64_t>());
    publish("adb.tv_unauthorized", {{"station_id", station}, {"station_code", "TV01"}, {"address", "10.0.0.5"}});
    events_before(events, "notification.created");  // the adb notice, after any other
    EXPECT_EQ(of_kind("session_ended").size(), 1u);
}

TEST_F(Notifications, ATvGoingOfflineIsToldOnlyWhileItsStationHasASession) {
    const auto package = create_fixed_package(admin);
    const auto session = start_session(admin, station, package);
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    ASSERT_EQ(admin.put("/api/v1/plugins/fixture-rental/tv/TV02", {{"online", false}}).status, 204);
    ASSERT_EQ(admin.put("/api/v1/plugins/fixture-rental/tv/TV01", {{"online", true}}).status, 204);
    ASSERT_EQ(admin.put("/api/v1/plugins/fixture-rental/tv/TV01", {{"online", false}}).status, 204);

    auto created = next_event(events, "notification.created")["payload"]["notification"];
    EXPECT_EQ(created["kind"], "tv_offline");
    EXPECT_EQ(created["station_code"], "TV01");
    EXPECT_EQ(created["session_id"], session["id"]);
    EXPECT_EQ(created["title"], "TV TV01 terputus");
    EXPECT_EQ(of_kind("tv_offline").size(), 1u);  // TV02 is idle
}

TEST_F(Notifications, AnUnauthorisedTvIsToldOnceAndAskedOnItsScreen) {
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    const json report = {{"station_id", station},
                         {"station_code", "TV01"},
                         {"address", "192.168.1.31:5555"},
                         {"message", "TV01 (192.168.1.31) menunggu izin debugging."}};
    publish("adb.tv_unauthorized", report);
    auto created = next_event(events, "notification.created")["payload"]["notification"];
    EXPECT_EQ(created["kind"], "adb_unauthorized");
    EXPECT_EQ(created["title"], "TV TV01 menolak ADB");
    EXPECT_TRUE(created["body"].get<std::string>().starts_with("TV01 (192.168.1.31) menunggu izin debugging."));
    EXPECT_EQ(created["data"]["address"], "192.168.1.31:5555");
    auto command = next_event(events, "tv.command")["payload"];
    EXPECT_EQ(command["station_code"], "TV01");
    EXPECT_EQ(command["command"], "notice");

    // The adb plugin retries: within repeat_minutes, nothing more.
    publish("adb.tv_unauthorized", report);
    publish("adb.tv_unauthorized", {{"station_code", "TV02"}, {"address", "192.168.1.32:5555"}});
    auto before = events_before(events, "notification.created");
    EXPECT_EQ(count_topic(before, "tv.command"), 0) << "a second notice for TV01";
    EXPECT_EQ(of_kind("adb_unauthorized").size(), 2u);
}

TEST_F(Notifications, AFaultedPluginIsToldToThoseWhoManagePlugins) {
    HttpClient viewer(host.port());
    viewer.set_token(create_operator(admin, "kasir", {"sessions.view"}));
    SseClient admin_events(host.port(), "/api/v1/events?token=" + token);
    SseClient viewer_events(host.port(), "/api/v1/events?token=" + viewer.token());

    EXPECT_EQ(admin.get("/api/v1/plugins/fixture-echo/fail").status, 500);
    auto created = next_event(admin_events, "notification.system_created")["payload"]["notification"];
    EXPECT_EQ(created["kind"], "plugin_faulted");
    EXPECT_EQ(created["severity"], "critical");
    EXPECT_EQ(created["audience"], "plugins.view");
    EXPECT_EQ(created["data"]["plugin_id"], "fixture-echo");
    EXPECT_NE(created["body"].get<std::string>().find("fixture failure requested"), std::string::npos);

    // The operator without plugins.view neither lists it nor sees its event.
    ASSERT_EQ(admin.put("/api/v1/plugins/fixture-rental/tv/TV01", {{"online", false}}).status, 204);
    start_session(admin, station, create_fixed_package(admin));
    ASSERT_EQ(admin.put("/api/v1/plugins/fixture-rental/tv/TV01", {{"online", true}}).status, 204);
    ASSERT_EQ(admin.put("/api/v1/plugins/fixture-rental/tv/TV01", {{"online", false}}).status, 204);
    auto before = events_before(viewer_events, "notification.created");
    EXPECT_EQ(count_topic(before, "notification.system_created"), 0);
    auto listed = notifications(viewer);
    ASSERT_EQ(listed["notifications"].size(), 1u) << listed;
    EXPECT_EQ(listed["notifications"][0]["kind"], "tv_offline");
    EXPECT_EQ(listed["unread_count"], 1);
    EXPECT_EQ(notifications(admin)["unread_count"], 2);
}


TEST_F(Notifications, WhatsAppMessagesWaitForTheWhatsAppPluginAndSurviveARestart) {
    // fixture-echo stands in for whatsapp-bridge. It started before this
    // plugin, which cannot ask the host, so it counts as not running yet.
    configure({{"session_ended", {{"deliver", json::array({"dashboard", "whatsapp"})}}},
               {"whatsapp_plugin_id", "fixture-echo"},
               {"whatsapp_numbers", {"0812-1111-2222", "+62 813 3333 4444", "081211112222"}}});
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    const auto package = create_fixed_package(admin);
    stop_session(start_session(admin, station, package)["id"].get<std::int64_t>());
    next_event(events, "notification.created");
    publish("fixture.marker", json::object());
    EXPECT_EQ(count_topic(events_before(events, "fixture.marker"), "whatsapp.send"), 0);

    // It starts: the queue goes out, one message per distinct number.
    set_enabled("fixture-echo", false);
    set_enabled("fixture-echo", true);
    auto first = next_event(events, "whatsapp.send")["payload"];
    auto second = next_event(events, "whatsapp.send")["payload"];
    EXPECT_EQ(first["to"], "6281211112222");
    EXPECT_EQ(second["to"], "6281333334444");
    EXPECT_EQ(first["text"], second["text"]);
    EXPECT_EQ(first["text"], "[Rental PlayStation] TV01: sesi dihentikan\nSesi #1 (1 jam) selesai. Dihentikan oleh admin.");

    // Known to run now: sent at once.
    stop_session(start_session(admin, station, package)["id"].get<std::int64_t>());
    EXPECT_EQ(next_event(events, "whatsapp.send")["payload"]["to"], "6281211112222");
    EXPECT_EQ(next_event(events, "whatsapp.send")["payload"]["to"], "6281333334444");

    // Stopped again: queued in the database, through a restart of the host.
    set_enabled("fixture-echo", false);
    next_event(events, "plugin.stopped");
    stop_session(start_session(admin, station, package)["id"].get<std::int64_t>());
    next_event(events, "notification.created");
    restart();
    SseClient after(host.port(), "/api/v1/events?token=" + token);
    set_enabled("fixture-echo", true);
    EXPECT_EQ(next_event(after, "whatsapp.send")["payload"]["to"], "6281211112222");
    EXPECT_EQ(next_event(after, "whatsapp.send")["payload"]["to"], "6281333334444");
}

TEST_F(Notifications, AConfigurationWithAnInvalidNumberIsRefusedAndChangesNothing) {
    auto refused = admin.put(kConfig, {{"whatsapp_numbers", {"081211112222", "not a number"}}});
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(refused.error_code(), "invalid_config");
    EXPECT_NE(refused.body.find("$.whatsapp_numbers[1]"), std::string::npos) << refused.body;
    EXPECT_EQ(admin.get(kConfig).json()["config"]["whatsapp_numbers"], json::array());

    auto wrong_delivery = admin.put(kConfig, {{"plugin_faulted", {{"deliver", {"tv"}}}}});
    EXPECT_EQ(wrong_delivery.error_code(), "invalid_config");
    auto wrong_minutes = admin.put(kConfig, {{"ending_soon", {{"minutes", {0}}}}});
    EXPECT_EQ(wrong_minutes.error_code(), "invalid_config");
}

TEST_F(Notifications, EachUserHasTheirOwnReadState) {
    HttpClient kasir(host.port());
    kasir.set_token(create_operator(admin, "kasir", {"sessions.view"}));
    for (const auto* code : {"TV01", "TV02", "TV03"}) publish("adb.tv_unauthorized", {{"station_code", code}});
    ASSERT_TRUE(eventually([&] { return notifications(admin)["notifications"].size() == 3; }));
    SseClient events(host.port(), "/api/v1/events?token=" + kasir.token());

    auto page = notifications(kasir, "?limit=2");
    ASSERT_EQ(page["notifications"].size(), 2u);
    EXPECT_EQ(page["unread_count"], 3);
    const auto newest = page["notifications"][0]["id"].get<std::int64_t>();
    EXPECT_EQ(page["notifications"][0]["station_code"], "TV03");
    EXPECT_EQ(page["notifications"][0]["read"], false);
    EXPECT_EQ(page["next_before_id"], page["notifications"][1]["id"]);
    auto rest = notifications(kasir, "?limit=2&before_id=" + page["next_before_id"].dump());
    ASSERT_EQ(rest["notifications"].size(), 1u);
    EXPECT_EQ(rest["notifications"][0]["station_code"], "TV01");
    EXPECT_TRUE(rest["next_before_id"].is_null());

    auto marked = kasir.post(kApi + "/notifications/" + std::to_string(newest) + "/read");
    ASSERT_EQ(marked.status, 200) << marked.body;
    EXPECT_EQ(marked.json()["unread_count"], 2);
    auto read_event = next_event(events, "notification.read")["payload"];
    EXPECT_EQ(read_event["id"], newest);
    EXPECT_EQ(read_event["unread_count"], 2);
    EXPECT_EQ(notifications(kasir)["notifications"][0]["read"], true);
    EXPECT_EQ(notifications(kasir, "?unread=true")["notifications"].size(), 2u);
    // The admin's own state is untouched.
    EXPECT_EQ(notifications(admin)["unread_count"], 3);
    EXPECT_EQ(notifications(admin)["notifications"][0]["read"], false);

    auto all = admin.post(kApi + "/notifications/read-all");
    ASSERT_EQ(all.status, 200) << all.body;
    EXPECT_EQ(all.json()["marked"], 3);
    EXPECT_EQ(notifications(admin)["unread_count"], 0);
    EXPECT_TRUE(notifications(admin, "?unread=true")["notifications"].empty());
    EXPECT_EQ(notifications(kasir)["unread_count"], 2);

    // A newer one is unread again for everyone.
    publish("adb.tv_unauthorized", {{"station_code", "TV04"}});
    ASSERT_TRUE(eventually([&] { return notifications(admin)["unread_count"] == 1; }));
    EXPECT_EQ(notifications(kasir)["unread_count"], 3);
}

TEST_F(Notifications, StrayEventsFromOtherPluginsAreIgnored) {
    publish("session.started", {{"session", "not a session"}});
    publish("station.tv_changed", json::array());
    publish("plugin.faulted", {{"id", 5}});
    publish("adb.tv_unauthorized", "not an object");
    publish("adb.tv_unauthorized", {{"station_code", 7}, {"message", json::array()}});
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    publish("adb.tv_unauthorized", {{"station_code", "TV02"}});
    EXPECT_EQ(next_event(events, "notification.created")["payload"]["notification"]["station_code"], "TV02");
    EXPECT_EQ(admin.get(kApi).json()["state"], "running");
    EXPECT_EQ(of_kind("plugin_faulted").size(), 0u);
}

TEST_F(Notifications, BadRequestsAreRefusedWithClearErrors) {
    EXPECT_EQ(admin.post(kApi + "/notifications/999/read").error_code(), "notification_not_found");
    EXPECT_EQ(admin.post(kApi + "/notifications/abc/read").status, 404);
    for (const auto* query : {"?limit=0", "?limit=201", "?limit=x", "?before_id=-1", "?unread=maybe"}) {
        auto answer = admin.get(kApi + "/notifications" + query);
        EXPECT_EQ(answer.status, 400) << query;
        EXPECT_EQ(answer.error_code(), "invalid_parameter") << query;
    }
}

TEST_F(Notifications, TheRoutesNeedASignedInUserWithSessionsView) {
    HttpClient anonymous(host.port());
    HttpClient other(host.port());
    other.set_token(create_operator(admin, "gudang", {"members.view"}));
    for (auto* client : {&anonymous, &other}) {
        const int expected = client == &anonymous ? 401 : 403;
        EXPECT_EQ(client->get(kApi + "/notifications").status, expected);
        EXPECT_EQ(client->post(kApi + "/notifications/1/read").status, expected);
        EXPECT_EQ(client->post(kApi + "/notifications/read-all").status, expected);
    }
}

}  // namespace
}  // namespace billing::test
