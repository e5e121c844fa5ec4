// The adb-control plugin on the real host, pointed at a fake adb server that
// speaks the smart-socket protocol byte for byte (tests/support/
// fake_adb_server.hpp): every action, the connect texts, FAIL replies, a
// server that hangs or closes mid-reply, an unauthorised TV, the automations
// on session.started/ended, tv.command, access; and, where Debian's adb is
// installed, the real adb server.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "support/eventually.hpp"
#include "support/fake_adb_server.hpp"
#include "support/test_support.hpp"

namespace billing::test {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
using Fault = FakeAdbServer::Fault;
using TvMode = FakeAdbServer::TvMode;

const std::string kApi = "/api/v1/plugins/adb-control";
const std::string kTv = "10.0.0.5:5555";

// adb-control and the echo fixture (which publishes what a test asks, as
// another plugin would), linked into one plugins directory.
std::filesystem::path plugins_with_adb(const TempDir& directory) {
    for (const auto& [from, id] : {std::pair{std::filesystem::path(BILLING_PRODUCT_PLUGIN_DIR), "adb-control"},
                                   std::pair{std::filesystem::path(BILLING_FIXTURE_PLUGIN_DIR), "fixture-echo"}})
        std::filesystem::create_directory_symlink(from / id, directory.path() / id);
    return directory.path();
}

// A loopback port nothing listens on (bound, then released).
unsigned short closed_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

// The adb.* events of the SSE stream, kept so a test can look for one by
// its command id whatever came in between.
class AdbEvents {
public:
    AdbEvents(unsigned short port, const std::string& token) : stream_(port, "/api/v1/events?token=" + token) {}

    // The first adb event of `topic` that `wanted` accepts; null (and a
    // failure) if none comes in time.
    json find(const std::string& topic, const std::function<bool(const json&)>& wanted = {},
              std::chrono::seconds timeout = 30s) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            for (const auto& event : seen_)
                if (event["topic"] == topic && (!wanted || wanted(event["payload"]))) return event["payload"];
            if (std::chrono::steady_clock::now() > deadline) break;
            if (auto event = stream_.next(200ms); event && event->event.starts_with("adb."))
                seen_.push_back(json::parse(event->data));
        }
        ADD_FAILURE() << "no " << topic << " event within " << timeout.count() << " s";
        return nullptr;
    }
    // The done or failed event of command `id`.
    json result_of(std::int64_t id) {
        const auto deadline = std::chrono::steady_clock::now() + 60s;
        auto is_it = [id](const json& payload) { return payload["command_id"] == id; };
        while (std::chrono::steady_clock::now() < deadline) {
            for (const auto& event : seen_)
                if (event["topic"].get<std::string>().starts_with("adb.command_") && is_it(event["payload"]))
                    return event;
            if (auto event = stream_.next(200ms); event && event->event.starts_with("adb."))
                seen_.push_back(json::parse(event->data));
        }
        ADD_FAILURE() << "command " << id << " has no result";
        return json{{"topic", ""}, {"payload", json::object()}};
    }
    // Collects what arrived so far; then counts events of `topic`.
    std::size_t count(const std::string& topic, const std::function<bool(const json&)>& wanted = {}) {
        while (auto event = stream_.next(100ms))
            if (event->event.starts_with("adb.")) seen_.push_back(json::parse(event->data));
        std::size_t n = 0;
        for (const auto& event : seen_)
            if (event["topic"] == topic && (!wanted || wanted(event["payload"]))) ++n;
        return n;
    }

private:
    SseClient stream_;
    std::vector<json> seen_;
};

class AdbControl : public ::testing::Test {
protected:
    void SetUp() override {
        admin_token(admin);
        package = create_fixed_package(admin);
        station = create_station(admin, "TV01", {{"ip_address", "10.0.0.5"}});
        auto configured = configure({});
        ASSERT_EQ(configured.status, 200) << configured.body;
        events = std::make_unique<AdbEvents>(host.port(), admin.token());
        // The watch's first look at the fake is in: it will not look again
        // (poll_seconds) and so cannot race the test's commands.
        ASSERT_TRUE(eventually([&] { return tv_status()["connection"] == "disconnected"; })) << tv_status();
    }

    // The plugin pointed at the fake with short timeouts and no automations,
    // `changes` merged over that.
    HttpResult configure(const json& changes) {
        json config = {{"adb_port", adb.port()},
                       {"adb_path", "/nonexistent/adb"},
                       {"command_timeout_ms", 1000},
                       {"connect_timeout_ms", 1000},
                       {"retries", 2},
                       {"retry_backoff_ms", 20},
                       {"poll_seconds", 3600},
                       {"automations", {{"on_session_started", false}, {"on_session_ended", false}}}};
        if (changes.is_object()) config.merge_patch(changes);
        return admin.put("/api/v1/plugins/adb-control/config", config);
    }
    std::string station_path(std::int64_t id = 0) { return kApi + "/stations/" + std::to_string(id ? id : station); }
    json tv_status(std::int64_t id = 0) { return admin.get(station_path(id)).json(); }
    json server_status() { return admin.get(kApi + "/status").json()["server"]; }

    // Posts an action, expects it queued, and returns its result event
    // ({topic, payload}).
    json run(const std::string& action, const json& body = json::object(), std::int64_t id = 0) {
        auto answer = admin.post(station_path(id) + "/" + action, body);
        EXPECT_EQ(answer.status, 202) << action << ": " << answer.body;
        if (answer.status != 202) return json{{"topic", ""}, {"payload", json::object()}};
        EXPECT_EQ(answer.json()["command"]["state"], "queued");
        return events->result_of(answer.json()["command"]["id"].get<std::int64_t>());
    }

    FakeAdbServer adb;  // first: outlives the host that talks to it
    TempDir home;       // HOME of the host (and of an adb server it starts)
    TempDir plugins_folder;
    HostProcess host{HostOptions{.plugins_dir = plugins_with_adb(plugins_folder),
                                 .environment = {{"HOME", home.path().string()}}}};
    HttpClient admin{host.port()};
    std::unique_ptr<AdbEvents> events;
    std::int64_t package = 0, station = 0;
};

TEST_F(AdbControl, TheStatusNamesTheServerAndEachStationsTv) {
    const auto without_ip = create_station(admin, "TV02");
    ASSERT_TRUE(eventually([&] { return server_status()["state"] == "running"; })) << server_status();
    auto server = server_status();
    EXPECT_EQ(server["version"], 41);
    EXPECT_EQ(server["port"], adb.port());
    EXPECT_EQ(server["adb_installed"], false);
    // The watch asked the version then the devices, framed as adb frames them.
    ASSERT_TRUE(eventually([&] { return adb.count("host:devices") > 0; }));
    EXPECT_EQ(adb.requests().front().wire, "000chost:version");

    auto all = admin.get(kApi + "/status");
    ASSERT_EQ(all.status, 200) << all.body;
    EXPECT_EQ(all.json()["stations"].size(), 2u);
    EXPECT_EQ(all.json()["actions"].size(), 10u);
    auto tv = tv_status();
    EXPECT_EQ(tv["station_code"], "TV01");
    EXPECT_EQ(tv["address"], kTv);
    EXPECT_EQ(tv["address_source"], "station");
    EXPECT_EQ(tv["brand"], "generic");
    EXPECT_EQ(tv["default_volume"], 8);
    EXPECT_EQ(tv["volume_max"], 15);
    EXPECT_EQ(tv["queue_length"], 0);
    EXPECT_TRUE(tv["last_error"].is_null());
    EXPECT_TRUE(tv["screen"].is_null());
    // A refresh asks again at once.
    adb.set_version(39);
    ASSERT_EQ(admin.post(kApi + "/refresh").status, 202);
    ASSERT_TRUE(eventually([&] { return server_status()["version"] == 39; })) << server_status();

    auto none = tv_status(without_ip);
    EXPECT_EQ(none["connection"], "no_address");
    EXPECT_TRUE(none["address"].is_null());
    EXPECT_EQ(admin.post(station_path(without_ip) + "/wake").error_code(), "tv_address_unknown");
}

TEST_F(AdbControl, EveryActionSendsItsShellCommandsToTheTv) {
    adb.set_shell_output("dumpsys power", "POWER MANAGER\n  mWakefulness=Asleep\n  mWakefulnessChanging=false\n");
    const std::vector<std::pair<std::string, json>> actions = {
        {"wake", json::object()}, {"sleep", json::object()},       {"volume-up", json::object()},
        {"volume-down", json::object()}, {"mute", json::object()}, {"set-volume", {{"level", 7}}},
        {"hdmi", json::object()}, {"kiosk", json::object()},       {"read-screen", json::object()}};
    for (const auto& [action, body] : actions) {
        auto result = run(action, body);
        EXPECT_EQ(result["topic"], "adb.command_done") << action << ": " << result;
        EXPECT_EQ(result["payload"]["attempts"], 1) << action;
        EXPECT_EQ(result["payload"]["address"], kTv);
        EXPECT_EQ(result["payload"]["source"], "api");
        EXPECT_EQ(result["payload"]["actor"], "admin");
    }
    EXPECT_EQ(adb.shell_commands(kTv),
              (std::vector<std::string>{"input keyevent 224", "input keyevent 223", "input keyevent 24",
                                        "input keyevent 25", "input keyevent 164",
                                        "cmd media_session volume --stream 3 --set 7",
                                        "input keyevent KEYCODE_TV_INPUT_HDMI_1",
                                        "am start -n de.ozerov.fully/.MainActivity", "dumpsys power"}));
    // One host:connect opened the TV's link; each shell went through host:transport.
    EXPECT_EQ(adb.count("host:connect:" + kTv), 1u);
    EXPECT_EQ(adb.count("host:transport:" + kTv), 9u);
    auto requests = adb.requests();
    auto shell = std::find_if(requests.begin(), requests.end(), [](const AdbRequest& r) { return r.service.starts_with("shell:"); });
    ASSERT_NE(shell, requests.end());
    EXPECT_EQ(shell->wire, "0018shell:input keyevent 224");
    EXPECT_EQ(std::prev(shell)->wire, "001chost:transport:" + kTv);

    auto tv = tv_status();
    EXPECT_EQ(tv["connection"], "connected");
    EXPECT_EQ(tv["screen"], "asleep");
    EXPECT_EQ(tv["volume"], 7);
    EXPECT_EQ(tv["last_done"]["action"], "read_screen");
    EXPECT_TRUE(tv["last_error"].is_null());

    // reconnect drops the link and opens it again.
    EXPECT_EQ(run("reconnect")["topic"], "adb.command_done");
    EXPECT_EQ(adb.count("host:disconnect:" + kTv), 1u);
    EXPECT_EQ(adb.count("host:connect:" + kTv), 2u);
}

TEST_F(AdbControl, ABrandProfileDrivesHdmiKiosksAndTheVolumeRange) {
    ASSERT_EQ(configure({{"brands",
                          {{{"name", "generic"}, {"hdmi_keys", {"KEYCODE_TV_INPUT_HDMI_1"}},
                            {"kiosk_activity", "de.ozerov.fully/.MainActivity"}},
                           {{"name", "tcl"},
                            {"hdmi_keys", {"KEYCODE_TV_INPUT", "KEYCODE_DPAD_DOWN", "66"}},
                            {"key_delay_ms", 10},
                            {"kiosk_activity", "com.example.kiosk/.Main"},
                            {"volume_max", 30}}}},
                         {"stations", {{{"code", "tv01"}, {"brand", "tcl"}, {"default_volume", 20}}}}})
                  .status,
              200);
    EXPECT_EQ(run("hdmi")["topic"], "adb.command_done");
    EXPECT_EQ(run("kiosk")["topic"], "adb.command_done");
    EXPECT_EQ(run("set-volume", {{"level", 25}})["topic"], "adb.command_done");
    EXPECT_EQ(adb.shell_commands(kTv),
              (std::vector<std::string>{"input keyevent KEYCODE_TV_INPUT", "input keyevent KEYCODE_DPAD_DOWN",
                                        "input keyevent 66", "am start -n com.example.kiosk/.Main",
                                        "cmd media_session volume --stream 3 --set 25"}));
    auto tv = tv_status();
    EXPECT_EQ(tv["brand"], "tcl");
    EXPECT_EQ(tv["volume_max"], 30);
    EXPECT_EQ(tv["default_volume"], 20);
    EXPECT_EQ(admin.post(station_path() + "/set-volume", {{"level", 31}}).error_code(), "invalid_field");

    // The config's address wins over the station's.
    ASSERT_EQ(configure({{"stations", {{{"code", "TV01"}, {"address", "10.0.0.77:5000"}}}}}).status, 200);
    EXPECT_EQ(tv_status()["address"], "10.0.0.77:5000");
    EXPECT_EQ(tv_status()["address_source"], "config");
}

TEST_F(AdbControl, ConfigurationTheSchemaCannotCheckIsRefusedByName) {
    auto unknown_brand = configure({{"stations", {{{"code", "TV01"}, {"brand", "sonny"}}}}});
    EXPECT_EQ(unknown_brand.status, 400);
    EXPECT_EQ(unknown_brand.error_code(), "invalid_config");
    EXPECT_NE(unknown_brand.body.find("$.stations[0].brand"), std::string::npos) << unknown_brand.body;
    auto unsafe_key = configure({{"brands", {{{"name", "generic"}, {"hdmi_keys", {"3; reboot"}}, {"kiosk_activity", "a.b/.C"}}}}});
    EXPECT_EQ(unsafe_key.error_code(), "invalid_config");
    EXPECT_NE(unsafe_key.body.find("hdmi_keys[0]"), std::string::npos) << unsafe_key.body;
    EXPECT_EQ(configure({{"default_brand", "lg"}}).error_code(), "invalid_config");
    EXPECT_EQ(configure({{"adb_port", 0}}).error_code(), "invalid_config");
    // Nothing changed: the plugin runs with its previous config.
    EXPECT_EQ(admin.get("/api/v1/plugins/adb-control").json()["state"], "running");
    EXPECT_EQ(run("wake")["topic"], "adb.command_done");
}

TEST_F(AdbControl, CommandsForOneTvRunInTheOrderTheyCame) {
    std::vector<std::int64_t> ids;
    for (int level = 1; level <= 5; ++level) {
        auto answer = admin.post(station_path() + "/set-volume", {{"level", level}});
        ASSERT_EQ(answer.status, 202) << answer.body;
        ids.push_back(answer.json()["command"]["id"].get<std::int64_t>());
    }
    for (auto id : ids) EXPECT_EQ(events->result_of(id)["topic"], "adb.command_done");
    std::vector<std::string> expected;
    for (int level = 1; level <= 5; ++level) expected.push_back("cmd media_session volume --stream 3 --set " + std::to_string(level));
    EXPECT_EQ(adb.shell_commands(kTv), expected);
    EXPECT_EQ(tv_status()["volume"], 5);
    EXPECT_EQ(tv_status()["queue_length"], 0);
}

TEST_F(AdbControl, ConnectTextsDecideWhatHappens) {
    // "connected to", then "already connected to" after the station changed
    // (which makes the plugin connect again before the next command).
    EXPECT_EQ(run("wake")["topic"], "adb.command_done");
    ASSERT_EQ(admin.put("/api/v1/stations/" + std::to_string(station), {{"name", "Depan"}}).status, 200);
    ASSERT_TRUE(eventually([&] {
        return run("wake")["topic"] == "adb.command_done" && adb.count("host:connect:" + kTv) == 2;
    }));

    // "failed to connect to": tried 1 + retries times, then reported.
    const std::string away = "10.0.0.6:5555";
    const auto second = create_station(admin, "TV02", {{"ip_address", "10.0.0.6"}});
    adb.set_tv(away, TvMode::refuses);
    auto failed = run("wake", json::object(), second);
    EXPECT_EQ(failed["topic"], "adb.command_failed");
    EXPECT_EQ(failed["payload"]["error"]["code"], "tv_offline");
    EXPECT_NE(failed["payload"]["error"]["message"].get<std::string>().find("failed to connect to"), std::string::npos);
    EXPECT_EQ(failed["payload"]["attempts"], 3);
    EXPECT_EQ(adb.count("host:connect:" + away), 3u);
    EXPECT_TRUE(adb.shell_commands(away).empty());
    auto tv = tv_status(second);
    EXPECT_EQ(tv["connection"], "offline");
    EXPECT_EQ(tv["last_error"]["code"], "tv_offline");
    EXPECT_EQ(tv["last_error"]["action"], "wake");
    EXPECT_TRUE(tv["last_error"]["at_ms"].is_number_integer());
}

TEST_F(AdbControl, AnUnauthorisedTvIsReportedWithWhatToDoOnIt) {
    adb.set_tv(kTv, TvMode::unauthorized);
    auto failed = run("wake");
    EXPECT_EQ(failed["topic"], "adb.command_failed");
    EXPECT_EQ(failed["payload"]["error"]["code"], "tv_unauthorized");
    // Retrying cannot help until someone answers the TV's dialog.
    EXPECT_EQ(failed["payload"]["attempts"], 1);
    auto told = events->find("adb.tv_unauthorized");
    EXPECT_EQ(told["station_id"], station);
    EXPECT_EQ(told["station_code"], "TV01");
    EXPECT_EQ(told["address"], kTv);
    EXPECT_NE(told["message"].get<std::string>().find("Allow"), std::string::npos) << told;
    EXPECT_EQ(told["adb_message"], "failed to authenticate to " + kTv);
    EXPECT_EQ(tv_status()["connection"], "unauthorized");

    // The watch sees the server list the TV as unauthorized too.
    ASSERT_EQ(admin.post(kApi + "/refresh").status, 202);
    ASSERT_TRUE(eventually([&] { return adb.count("host:devices") >= 2; }));
    EXPECT_EQ(tv_status()["connection"], "unauthorized");

    // Allowed on the TV: the next command goes through.
    adb.set_tv(kTv, TvMode::accepts);
    EXPECT_EQ(run("wake")["topic"], "adb.command_done");
    EXPECT_EQ(tv_status()["connection"], "connected");

    // A transport that FAILs as unauthorised is reported the same way.
    adb.inject("host:transport:", Fault::fail, 1, "device unauthorized.\nThis adb server's $ADB_VENDOR_KEYS is not set");
    EXPECT_EQ(run("sleep")["payload"]["error"]["code"], "tv_unauthorized");
    EXPECT_GE(events->count("adb.tv_unauthorized"), 2u);
}

TEST_F(AdbControl, FailRepliesAreRetriedThenReported) {
    // A TV the server lost: its transport FAILs "not found"; the plugin
    // connects again and the retry goes through.
    EXPECT_EQ(run("wake")["topic"], "adb.command_done");
    adb.drop_tv_links();
    auto again = run("sleep");
    EXPECT_EQ(again["topic"], "adb.command_done");
    EXPECT_EQ(again["payload"]["attempts"], 2);
    EXPECT_EQ(adb.count("host:connect:" + kTv), 2u);

    // A shell that keeps FAILing: 1 + retries attempts, the server's message kept.
    adb.inject("shell:input keyevent 164", Fault::fail, 3, "closed");
    auto failed = run("mute");
    EXPECT_EQ(failed["topic"], "adb.command_failed");
    EXPECT_EQ(failed["payload"]["error"]["code"], "adb_failed");
    EXPECT_EQ(failed["payload"]["error"]["message"], "closed");
    EXPECT_EQ(failed["payload"]["attempts"], 3);

    // An activity the TV does not have: its "Error:" output fails the command.
    adb.set_shell_output("am start", "Starting: Intent { cmp=de.ozerov.fully/.MainActivity }\nError type 3\n"
                                     "Error: Activity class {de.ozerov.fully/.MainActivity} does not exist.\n");
    auto kiosk = run("kiosk");
    EXPECT_EQ(kiosk["payload"]["error"]["code"], "adb_failed");
    EXPECT_NE(kiosk["payload"]["error"]["message"].get<std::string>().find("does not exist"), std::string::npos);
    EXPECT_EQ(tv_status()["last_error"]["action"], "kiosk");
}

TEST_F(AdbControl, AServerThatHangsTimesOutAndOneThatClosesMidReplyIsRetried) {
    EXPECT_EQ(run("wake")["topic"], "adb.command_done");
    adb.inject("shell:input keyevent 223", Fault::hang, 3);
    auto hung = run("sleep");
    EXPECT_EQ(hung["topic"], "adb.command_failed");
    EXPECT_EQ(hung["payload"]["error"]["code"], "adb_timeout");
    EXPECT_EQ(hung["payload"]["attempts"], 3);

    adb.inject("shell:input keyevent 224", Fault::close_mid_reply, 1);
    auto closed = run("wake");
    EXPECT_EQ(closed["topic"], "adb.command_done");
    EXPECT_EQ(closed["payload"]["attempts"], 2);

    // host:version closing mid-reply, then answering again.
    adb.inject("host:version", Fault::close_mid_reply, 1);
    EXPECT_EQ(run("mute")["payload"]["attempts"], 2);
    // The plugin is still fine and the queue empty.
    EXPECT_EQ(tv_status()["queue_length"], 0);
    EXPECT_EQ(admin.get("/api/v1/plugins/adb-control").json()["state"], "running");
}

TEST_F(AdbControl, WithoutAdbTheStatusSaysSoAndActionsAreRefused) {
    ASSERT_EQ(configure({{"adb_port", closed_port()}}).status, 200);
    ASSERT_TRUE(eventually([&] { return server_status()["state"] == "unavailable"; })) << server_status();
    auto server = server_status();
    EXPECT_EQ(server["adb_installed"], false);
    EXPECT_NE(server["message"].get<std::string>().find("not installed"), std::string::npos) << server;
    auto refused = admin.post(station_path() + "/wake");
    EXPECT_EQ(refused.status, 503);
    EXPECT_EQ(refused.error_code(), "adb_unavailable");
    EXPECT_NE(refused.json()["error"]["message"].get<std::string>().find("adb"), std::string::npos);
}

TEST_F(AdbControl, BadRequestsAreRefusedAndChangeNothing) {
    EXPECT_EQ(admin.post(kApi + "/stations/999/wake").error_code(), "station_not_found");
    EXPECT_EQ(admin.post(kApi + "/stations/abc/wake").status, 404);
    EXPECT_EQ(admin.get(kApi + "/stations/999").status, 404);
    EXPECT_EQ(admin.post(station_path() + "/set-volume").error_code(), "missing_field");
    EXPECT_EQ(admin.post(station_path() + "/set-volume", {{"level", -1}}).error_code(), "invalid_field");
    EXPECT_EQ(admin.post(station_path() + "/set-volume", {{"level", "5"}}).error_code(), "invalid_field");
    EXPECT_EQ(admin.post(station_path() + "/wake", {{"level", 3}}).error_code(), "unknown_field");
    EXPECT_EQ(admin.request("POST", station_path() + "/wake", "{nope").error_code(), "invalid_json");
    EXPECT_EQ(admin.request("POST", station_path() + "/wake", "[1]").error_code(), "invalid_body");
    EXPECT_EQ(admin.post(station_path() + "/explode").status, 404);
    EXPECT_EQ(adb.count("shell:"), 0u);
}

TEST_F(AdbControl, ActionsNeedTvControlAndAreAudited) {
    HttpClient anonymous(host.port());
    EXPECT_EQ(anonymous.get(kApi + "/status").status, 401);
    EXPECT_EQ(anonymous.post(station_path() + "/wake").status, 401);
    HttpClient viewer(host.port());
    viewer.set_token(create_operator(admin, "kasir", {"sessions.view"}));
    EXPECT_EQ(viewer.get(kApi + "/status").status, 403);
    EXPECT_EQ(viewer.post(station_path() + "/wake").status, 403);
    HttpClient controller(host.port());
    controller.set_token(create_operator(admin, "kasir2", {"tv.control"}));
    EXPECT_EQ(controller.get(kApi + "/status").status, 200);
    auto queued = controller.post(station_path() + "/set-volume", {{"level", 3}});
    ASSERT_EQ(queued.status, 202) << queued.body;
    auto done = events->result_of(queued.json()["command"]["id"].get<std::int64_t>());
    EXPECT_EQ(done["payload"]["actor"], "kasir2");

    auto audit = admin.get("/api/v1/audit?target=station:" + std::to_string(station)).json();
    bool found = false;
    for (const auto& entry : audit["entries"])
        if (entry["actor"] == "kasir2" && entry.dump().find("adb.set_volume") != std::string::npos) found = true;
    EXPECT_TRUE(found) << audit.dump(2);
}

TEST_F(AdbControl, SessionsWakeTheTvAndEndingShowsTheLockScreenThenSleeps) {
    ASSERT_EQ(configure({{"default_volume", 6},
                         {"automations", {{"on_session_started", true}, {"on_session_ended", true}, {"sleep_after_seconds", 1}}}})
                  .status,
              200);
    auto session = start_session(admin, station, package);
    auto hdmi = events->find("adb.command_done", [](const json& p) { return p["action"] == "hdmi"; });
    EXPECT_EQ(hdmi["source"], "automation");
    EXPECT_EQ(hdmi["actor"], "plugin:adb-control");
    ASSERT_EQ(admin.post("/api/v1/sessions/" + std::to_string(session["id"].get<std::int64_t>()) + "/stop").status, 200);
    events->find("adb.command_done", [](const json& p) { return p["action"] == "sleep"; });
    EXPECT_EQ(adb.shell_commands(kTv),
              (std::vector<std::string>{"input keyevent 224", "cmd media_session volume --stream 3 --set 6",
                                        "input keyevent KEYCODE_TV_INPUT_HDMI_1",
                                        "am start -n de.ozerov.fully/.MainActivity", "input keyevent 223"}));
    EXPECT_TRUE(tv_status()["sleep_at_ms"].is_null());
    // Automatic actions are in the audit trail under the plugin's name.
    auto audit = admin.get("/api/v1/audit?actor=adb-control").json();
    EXPECT_NE(audit.dump().find("adb.kiosk"), std::string::npos) << audit.dump(2);
}

TEST_F(AdbControl, ANewSessionCancelsThePendingSleep) {
    ASSERT_EQ(configure({{"automations", {{"on_session_started", true}, {"on_session_ended", true}, {"sleep_after_seconds", 2}}}})
                  .status,
              200);
    auto first = start_session(admin, station, package);
    ASSERT_EQ(admin.post("/api/v1/sessions/" + std::to_string(first["id"].get<std::int64_t>()) + "/stop").status, 200);
    events->find("adb.command_done", [](const json& p) { return p["action"] == "kiosk"; });
    EXPECT_TRUE(tv_status()["sleep_at_ms"].is_number_integer());
    start_session(admin, station, package);
    ASSERT_TRUE(eventually([&] { return tv_status()["sleep_at_ms"].is_null(); }));
    ASSERT_TRUE(eventually([&] { return events->count("adb.command_done", [](const json& p) { return p["action"] == "hdmi"; }) == 2; }));
    // Well past when the sleep was due: it never came.
    std::this_thread::sleep_for(3s);
    EXPECT_EQ(events->count("adb.command_done", [](const json& p) { return p["action"] == "sleep"; }), 0u);
    for (const auto& command : adb.shell_commands(kTv)) EXPECT_NE(command, "input keyevent 223");
}

TEST_F(AdbControl, AnotherPluginsTvCommandIsCarriedOut) {
    auto publish = [&](const json& payload) {
        return admin.post("/api/v1/plugins/fixture-echo/publish", {{"topic", "tv.command"}, {"payload", payload}}).status;
    };
    ASSERT_EQ(publish({{"station_code", "tv01"}, {"command", "adb.set_volume"}, {"args", {{"level", 4}}}, {"request_id", "r1"}}), 204);
    auto done = events->find("adb.command_done", [](const json& p) { return p["request_id"] == "r1"; });
    EXPECT_EQ(done["action"], "set_volume");
    EXPECT_EQ(done["source"], "tv.command");
    EXPECT_EQ(done["actor"], "plugin:fixture-echo");
    EXPECT_EQ(adb.shell_commands(kTv), std::vector<std::string>{"cmd media_session volume --stream 3 --set 4"});

    // Requests that cannot be carried out are answered, and harm nothing.
    ASSERT_EQ(publish({{"station_code", "TV77"}, {"command", "adb.wake"}, {"request_id", "r2"}}), 204);
    EXPECT_EQ(events->find("adb.command_failed", [](const json& p) { return p["request_id"] == "r2"; })["error"]["code"],
              "station_not_found");
    ASSERT_EQ(publish({{"station_code", "TV01"}, {"command", "adb.explode"}, {"request_id", "r3"}}), 204);
    EXPECT_EQ(events->find("adb.command_failed", [](const json& p) { return p["request_id"] == "r3"; })["error"]["code"],
              "unknown_action");
    ASSERT_EQ(publish({{"command", "adb.wake"}, {"request_id", "r4"}}), 204);
    EXPECT_EQ(events->find("adb.command_failed", [](const json& p) { return p["request_id"] == "r4"; })["error"]["code"],
              "missing_field");
    ASSERT_EQ(publish({{"station_code", "TV01"}, {"command", "notice"}}), 204);
    ASSERT_EQ(publish(5), 204);
    ASSERT_EQ(admin.post("/api/v1/plugins/fixture-echo/publish", {{"topic", "tv.connected"}, {"payload", {{"ip", 7}}}}).status, 204);
    EXPECT_EQ(run("wake")["topic"], "adb.command_done");
    EXPECT_EQ(admin.get("/api/v1/plugins/adb-control").json()["state"], "running");
}

TEST_F(AdbControl, ATvComingBackOnTheNetworkIsReconnectedAtOnce) {
    // A very long pause between attempts: only the TV's return cuts it short.
    ASSERT_EQ(configure({{"retries", 3}, {"retry_backoff_ms", 60000}}).status, 200);
    adb.set_tv(kTv, TvMode::refuses);
    auto queued = admin.post(station_path() + "/wake");
    ASSERT_EQ(queued.status, 202);
    ASSERT_TRUE(eventually([&] { return adb.count("host:connect:" + kTv) == 1; }));
    adb.set_tv(kTv, TvMode::accepts);
    // Its TV page connects again (tv-websocket's event).
    ASSERT_EQ(admin.post("/api/v1/plugins/fixture-echo/publish",
                         {{"topic", "tv.connected"}, {"payload", {{"station_code", "TV01"}, {"ip", "10.0.0.5"}}}})
                  .status,
              204);
    auto result = events->result_of(queued.json()["command"]["id"].get<std::int64_t>());
    EXPECT_EQ(result["topic"], "adb.command_done");
    EXPECT_EQ(result["payload"]["attempts"], 2);

    // A station without an IP address uses its paired TV page's.
    const auto second = create_station(admin, "TV02");
    ASSERT_EQ(admin.post("/api/v1/plugins/fixture-echo/publish",
                         {{"topic", "tv.connected"}, {"payload", {{"station_code", "TV02"}, {"ip", "::ffff:10.0.0.9"}}}})
                  .status,
              204);
    ASSERT_TRUE(eventually([&] { return tv_status(second)["address"] == "10.0.0.9:5555"; })) << tv_status(second);
    EXPECT_EQ(tv_status(second)["address_source"], "tv");
    EXPECT_EQ(run("wake", json::object(), second)["topic"], "adb.command_done");
    EXPECT_EQ(adb.shell_commands("10.0.0.9:5555"), std::vector<std::string>{"input keyevent 224"});
}

// Debian's adb, when installed: the plugin starts a server of its own on a
// free port, reads its version and sees a connect to a closed port fail.
TEST_F(AdbControl, TheRealAdbServerAnswersAndReportsAFailedConnect) {
    const std::filesystem::path adb_program = "/usr/bin/adb";
    if (!std::filesystem::exists(adb_program)) GTEST_SKIP() << "Debian's adb is not installed";
    const auto port = closed_port();
    const auto tv = "127.0.0.1:" + std::to_string(closed_port());
    ASSERT_EQ(configure({{"adb_port", port},
                         {"adb_path", adb_program.string()},
                         {"command_timeout_ms", 20000},
                         {"connect_timeout_ms", 20000},
                         {"retries", 0},
                         {"stations", {{{"code", "TV01"}, {"address", tv}}}}})
                  .status,
              200);
    auto result = run("wake");
    // Stop the server the plugin started, whatever the outcome.
    const auto stop = "HOME='" + home.path().string() + "' " + adb_program.string() + " -P " + std::to_string(port) +
                      " kill-server >/dev/null 2>&1";
    struct KillServer {
        std::string command;
        ~KillServer() { EXPECT_EQ(std::system(command.c_str()), 0); }
    } kill_server{stop};
    EXPECT_EQ(result["topic"], "adb.command_failed") << result;
    EXPECT_EQ(result["payload"]["error"]["code"], "tv_offline") << result;
    EXPECT_NE(result["payload"]["error"]["message"].get<std::string>().find("failed to connect to"), std::string::npos);
    auto server = server_status();
    EXPECT_EQ(server["state"], "running") << server;
    EXPECT_TRUE(server["version"].is_number_integer()) << server;
    EXPECT_GT(server["version"].get<int>(), 0);
    EXPECT_EQ(server["adb_installed"], true);
}

}  // namespace
}  // namespace billing::test
