// The tv-websocket plugin on the real host with real WebSocket clients
// speaking docs/protocols/tv-websocket.md: pairing, tokens, IP mapping,
// revocation, the screen following the sessions, login codes and bad input.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <thread>
#include <string>
#include <vector>

#include "support/eventually.hpp"
#include "support/test_support.hpp"

namespace billing::test {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

const std::string kApi = "/api/v1/plugins/tv-websocket";

// One simulated TV: the socket plus the page's stored key and token.
class Tv {
public:
    Tv(unsigned short port, std::string device_key, std::string token = {})
        : socket_(port, "/ws/tv-websocket"), device_key_(std::move(device_key)), token_(std::move(token)) {}

    void hello() {
        socket_.send(json{{"type", "hello"},
                          {"protocol", 1},
                          {"token", token_.empty() ? json(nullptr) : json(token_)},
                          {"device_key", device_key_},
                          {"device", {{"user_agent", "test-tv"}}}}
                         .dump());
    }
    // The next message of `type` that `wanted` accepts, skipping others (a
    // `paired` token is kept). The server may repeat a state (a change
    // echoed by the station's TV link), so tests wait for the one they mean.
    json next(const std::string& type, const std::function<bool(const json&)>& wanted = {},
              std::chrono::milliseconds timeout = 10s) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            auto text = socket_.receive(std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now()));
            if (!text) break;
            auto message = json::parse(*text);
            if (message["type"] == "paired") token_ = message["token"];
            if (message["type"] == type && (!wanted || wanted(message))) return message;
        }
        ADD_FAILURE() << "no such " << type << " message within " << timeout.count() << " ms";
        return json();
    }
    json next_state(const std::string& mode) {
        return next("state", [&](const json& state) { return state["mode"] == mode; });
    }
    void send(const std::string& text) { socket_.send(text); }
    bool closed() { return socket_.closed(); }
    const std::string& token() const { return token_; }

private:
    WsClient socket_;
    std::string device_key_;
    std::string token_;
};

std::string key(int n) { return "test-device-key-" + std::to_string(1000 + n); }

class TvWebSocket : public ::testing::Test {
protected:
    void SetUp() override {
        admin_token(admin);
        ASSERT_EQ(admin.put("/api/v1/settings", {{"whatsapp_number", "081234567890"}, {"shop_name", "Game Zone"}})
                      .status,
                  200);
        package = create_fixed_package(admin);
        station = create_station(admin, "TV01");
    }

    json device(std::int64_t id) {
        auto devices = admin.get(kApi + "/devices").json()["devices"];
        for (auto& entry : devices)
            if (entry["id"] == id) return entry;
        return json();
    }
    json station_state(std::int64_t id) { return admin.get("/api/v1/stations/" + std::to_string(id)).json(); }

    // A new TV paired to `code` through its pairing code; returns its state.
    json pair_new_tv(Tv& tv, const std::string& code) {
        tv.hello();
        EXPECT_EQ(tv.next("state")["mode"], "unpaired");
        auto qr = tv.next("qr");
        auto answer = admin.post(kApi + "/pairings", {{"code", qr["code"]}, {"station_code", code}});
        EXPECT_EQ(answer.status, 200) << answer.body;
        EXPECT_FALSE(tv.next("paired")["token"].get<std::string>().empty());
        return tv.next("state");
    }

    HostProcess host{HostOptions{.plugins_dir = BILLING_PRODUCT_PLUGIN_DIR}};
    HttpClient admin{host.port()};
    std::int64_t package = 0, station = 0;
};

TEST_F(TvWebSocket, ANewTvShowsThePairingScreenAndAnAdminPairsItByItsCode) {
    SseClient events(host.port(), "/api/v1/events?token=" + admin.token());
    Tv tv(host.port(), key(1));
    tv.hello();
    auto state = tv.next("state");
    EXPECT_EQ(state["mode"], "unpaired");
    EXPECT_TRUE(state["station"].is_null());
    EXPECT_EQ(state["shop"]["name"], "Game Zone");
    EXPECT_EQ(state["shop"]["time_zone"], "Asia/Jakarta");
    auto qr = tv.next("qr");
    EXPECT_EQ(qr["purpose"], "pairing");
    const auto code = qr["code"].get<std::string>();
    EXPECT_EQ(code.size(), 6u);
    EXPECT_NE(qr["text"].get<std::string>().find("/#/tv-pairing/" + code), std::string::npos);
    EXPECT_NE(qr["svg"].get<std::string>().find("<svg"), std::string::npos);

    auto pending = next_event(events, "tv.pairing_requested");
    EXPECT_EQ(pending["payload"]["pairing_code"], code);
    const auto id = pending["payload"]["id"].get<std::int64_t>();
    EXPECT_EQ(device(id)["state"], "pending");
    EXPECT_EQ(device(id)["online"], true);

    auto paired = admin.post(kApi + "/pairings", {{"code", code}, {"station_code", "tv01"}, {"name", "Depan"}});
    ASSERT_EQ(paired.status, 200) << paired.body;
    EXPECT_EQ(paired.json()["state"], "paired");
    EXPECT_EQ(paired.json()["station_code"], "TV01");
    EXPECT_EQ(paired.json()["name"], "Depan");
    EXPECT_TRUE(paired.json()["pairing_code"].is_null());

    EXPECT_TRUE(tv.next("paired")["token"].get<std::string>().starts_with("tvd_"));
    state = tv.next("state");
    EXPECT_EQ(state["mode"], "locked");
    EXPECT_EQ(state["station"]["code"], "TV01");
    auto login = tv.next("qr");
    EXPECT_EQ(login["purpose"], "login");
    EXPECT_TRUE(login["text"].get<std::string>().starts_with("https://wa.me/6281234567890?text=TV01%20"));
    EXPECT_GT(login["expires_at_ms"].get<std::int64_t>(), state["server_time_ms"].get<std::int64_t>());
    EXPECT_EQ(next_event(events, "tv.paired")["payload"]["station_code"], "TV01");
    EXPECT_EQ(station_state(station)["tv_online"], true);

    // The same code does not pair twice.
    EXPECT_EQ(admin.post(kApi + "/pairings", {{"code", code}, {"station_code", "TV01"}}).error_code(),
              "pairing_code_not_found");
}

TEST_F(TvWebSocket, APairedTvComesBackWithItsTokenAndItsStationGoesOfflineWithout) {
    std::string token;
    {
        Tv tv(host.port(), key(2));
        pair_new_tv(tv, "TV01");
        token = tv.token();
    }
    EXPECT_TRUE(eventually([&] { return station_state(station)["state"] == "offline"; }, 10s));
    EXPECT_EQ(station_state(station)["tv_online"], false);

    Tv again(host.port(), key(2), token);
    again.hello();
    auto state = again.next("state");
    EXPECT_EQ(state["mode"], "locked");
    EXPECT_EQ(state["station"]["code"], "TV01");
    EXPECT_TRUE(eventually([&] { return station_state(station)["state"] == "locked"; }, 10s));
}

TEST_F(TvWebSocket, ATvConnectingFromAStationsIpAddressPairsItself) {
    ASSERT_EQ(admin.put("/api/v1/stations/" + std::to_string(station), {{"ip_address", "127.0.0.1"}}).status, 200);
    Tv tv(host.port(), key(3));
    tv.hello();
    EXPECT_TRUE(tv.next("paired")["token"].get<std::string>().starts_with("tvd_"));
    auto state = tv.next("state");
    EXPECT_EQ(state["mode"], "locked");
    EXPECT_EQ(state["station"]["code"], "TV01");
}

TEST_F(TvWebSocket, ARevokedTokenSendsTheTvBackToPairing) {
    Tv tv(host.port(), key(4));
    pair_new_tv(tv, "TV01");
    const auto token = tv.token();
    auto id = admin.get(kApi + "/devices").json()["devices"][0]["id"].get<std::int64_t>();

    auto revoked = admin.post(kApi + "/devices/" + std::to_string(id) + "/revoke");
    ASSERT_EQ(revoked.status, 200) << revoked.body;
    EXPECT_EQ(tv.next("unpaired")["reason"], "revoked");
    EXPECT_EQ(tv.next("state")["mode"], "unpaired");
    EXPECT_EQ(tv.next("qr")["purpose"], "pairing");
    EXPECT_EQ(station_state(station)["tv_online"], false);

    // The old token is refused from then on; the TV is a pending one again.
    Tv with_old_token(host.port(), key(4), token);
    with_old_token.hello();
    EXPECT_EQ(with_old_token.next("error")["code"], "invalid_token");
    EXPECT_EQ(with_old_token.next("state")["mode"], "unpaired");
}

TEST_F(TvWebSocket, UnpairingAndRePairingToAnotherStation) {
    create_station(admin, "TV02");
    Tv tv(host.port(), key(5));
    pair_new_tv(tv, "TV01");
    auto id = admin.get(kApi + "/devices").json()["devices"][0]["id"].get<std::int64_t>();

    auto unpaired = admin.post(kApi + "/devices/" + std::to_string(id) + "/unpair");
    ASSERT_EQ(unpaired.status, 200) << unpaired.body;
    EXPECT_EQ(unpaired.json()["state"], "unpaired");
    EXPECT_EQ(tv.next("unpaired")["reason"], "unpaired");
    EXPECT_EQ(tv.next("state")["mode"], "unpaired");
    EXPECT_EQ(admin.post(kApi + "/devices/" + std::to_string(id) + "/unpair").error_code(), "device_not_paired");

    auto repaired = admin.post(kApi + "/devices/" + std::to_string(id) + "/pair", {{"station_code", "TV02"}});
    ASSERT_EQ(repaired.status, 200) << repaired.body;
    tv.next("state", [](const json& state) { return state["station"].is_object() && state["station"]["code"] == "TV02"; });
    EXPECT_EQ(admin.post(kApi + "/devices/999/pair", {{"station_code", "TV02"}}).error_code(), "device_not_found");
    EXPECT_EQ(admin.post(kApi + "/devices/" + std::to_string(id) + "/pair", {{"station_code", "TV99"}}).error_code(),
              "station_not_found");
}

TEST_F(TvWebSocket, ARenamedStationShowsItsNewCodeAndItsLoginLinkFollows) {
    Tv tv(host.port(), key(19));
    pair_new_tv(tv, "TV01");
    ASSERT_EQ(admin.put("/api/v1/stations/" + std::to_string(station), {{"code", "VIP1"}}).status, 200);
    tv.next("state", [](const json& state) { return state["station"].is_object() && state["station"]["code"] == "VIP1"; });
    auto qr = tv.next("qr");
    EXPECT_TRUE(qr["text"].get<std::string>().starts_with("https://wa.me/6281234567890?text=VIP1%20")) << qr;
    auto device = admin.get(kApi + "/devices").json()["devices"][0];
    EXPECT_EQ(device["station_code"], "VIP1");
}

TEST_F(TvWebSocket, AStationDeletedUnderItsTvLeavesThePluginRunning) {
    Tv tv(host.port(), key(20));
    pair_new_tv(tv, "TV01");
    // Never used, so it may be deleted with its TV still paired to it.
    ASSERT_EQ(admin.del("/api/v1/stations/" + std::to_string(station)).status, 204);
    EXPECT_TRUE(tv.next_state("unpaired")["station"].is_null());
    auto devices = admin.get(kApi + "/devices");
    ASSERT_EQ(devices.status, 200) << devices.body;
    EXPECT_TRUE(devices.json()["devices"][0]["station_code"].is_null());
    tv.send(R"({"type":"bye"})");
    EXPECT_EQ(tv.next("error")["code"], "unknown_type");
    EXPECT_EQ(admin.get("/api/v1/plugins/tv-websocket").json()["state"], "running");
}

TEST_F(TvWebSocket, TwoTvsClaimingOneStationTheNewerWins) {
    Tv older(host.port(), key(6));
    pair_new_tv(older, "TV01");
    Tv newer(host.port(), key(7));
    pair_new_tv(newer, "TV01");
    EXPECT_EQ(older.next("unpaired")["reason"], "replaced");
    EXPECT_EQ(older.next("state")["mode"], "unpaired");
    auto devices = admin.get(kApi + "/devices").json()["devices"];
    ASSERT_EQ(devices.size(), 2u);
    EXPECT_EQ(devices[0]["state"], "unpaired");
    EXPECT_EQ(devices[1]["state"], "paired");
    EXPECT_EQ(devices[1]["station_code"], "TV01");
}

TEST_F(TvWebSocket, WithoutAStationCodeTheNextStationIsAddedUnlessTurnedOff) {
    Tv tv(host.port(), key(8));
    tv.hello();
    auto code = tv.next("qr")["code"];
    auto paired = admin.post(kApi + "/pairings", {{"code", code}});
    ASSERT_EQ(paired.status, 200) << paired.body;
    EXPECT_EQ(paired.json()["station_code"], "TV02");
    EXPECT_EQ(tv.next("state")["station"]["code"], "TV02");

    ASSERT_EQ(admin.put("/api/v1/plugins/tv-websocket/config", {{"auto_add_stations", false}}).status, 200);
    Tv second(host.port(), key(9));
    second.hello();
    auto second_code = second.next("qr")["code"];
    EXPECT_EQ(admin.post(kApi + "/pairings", {{"code", second_code}}).error_code(), "auto_add_disabled");
}

TEST_F(TvWebSocket, TheScreenFollowsTheSession) {
    Tv tv(host.port(), key(10));
    pair_new_tv(tv, "TV01");

    auto session = start_session(admin, station, package);
    const auto id = std::to_string(session["id"].get<std::int64_t>());
    auto state = tv.next_state("active");
    EXPECT_EQ(state["session"]["id"], session["id"]);
    EXPECT_EQ(state["session"]["package_name"], session["package_name"]);
    EXPECT_FALSE(state["session"]["open_play"].get<bool>());
    const auto remaining = state["session"]["deadline_at_ms"].get<std::int64_t>() -
                           state["server_time_ms"].get<std::int64_t>();
    EXPECT_NEAR(static_cast<double>(remaining), 60 * 60 * 1000.0, 2000.0);

    ASSERT_EQ(admin.post("/api/v1/sessions/" + id + "/extend", {{"minutes", 30}}).status, 200);
    state = tv.next("state", [](const json& s) { return s["session"].is_object() && s["session"]["remaining_ms"] > 80 * 60 * 1000; });
    EXPECT_NEAR(static_cast<double>(state["session"]["remaining_ms"].get<std::int64_t>()), 90 * 60 * 1000.0, 2000.0);

    ASSERT_EQ(admin.post("/api/v1/sessions/" + id + "/pause").status, 200);
    auto paused = tv.next_state("paused");
    EXPECT_EQ(paused["session"]["id"], session["id"]);
    // While paused the time stands still: a resync later shows the same times.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    tv.send(R"({"type":"resync"})");
    auto later = tv.next_state("paused");
    EXPECT_EQ(later["session"]["remaining_ms"], paused["session"]["remaining_ms"]);
    EXPECT_EQ(later["session"]["played_ms"], paused["session"]["played_ms"]);
    ASSERT_EQ(admin.post("/api/v1/sessions/" + id + "/resume").status, 200);
    tv.next_state("active");
    ASSERT_EQ(admin.post("/api/v1/sessions/" + id + "/stop").status, 200);
    EXPECT_TRUE(tv.next_state("locked")["session"].is_null());
    EXPECT_EQ(tv.next("qr")["purpose"], "login");
}

TEST_F(TvWebSocket, ALoginCodeWorksOnceAndTheTvShowsANewOne) {
    Tv tv(host.port(), key(11));
    pair_new_tv(tv, "TV01");
    auto first = tv.next("qr")["text"].get<std::string>();
    const auto nonce = first.substr(first.rfind("%20") + 3);

    auto redeemed = admin.post(kApi + "/login-nonces/redeem", {{"station_code", "TV01"}, {"nonce", nonce}});
    ASSERT_EQ(redeemed.status, 200) << redeemed.body;
    auto second = tv.next("qr", [&](const json& qr) { return qr["text"] != first; })["text"];
    EXPECT_TRUE(second.get<std::string>().starts_with("https://wa.me/6281234567890?text=TV01%20")) << second;
    EXPECT_EQ(admin.post(kApi + "/login-nonces/redeem", {{"station_code", "TV01"}, {"nonce", nonce}}).error_code(),
              "nonce_invalid");
    EXPECT_EQ(admin.post(kApi + "/login-nonces/redeem", {{"station_code", "TV01"}, {"nonce", "ZZZZZZ"}}).error_code(),
              "nonce_invalid");
}

TEST_F(TvWebSocket, BadMessagesAreAnsweredAndAPersistentSenderIsDropped) {
    Tv early(host.port(), key(12));
    early.send(R"({"type":"heartbeat"})");
    EXPECT_EQ(early.next("error")["code"], "hello_required");
    EXPECT_TRUE(eventually([&] { return early.closed(); }, 10s));

    Tv old_page(host.port(), key(13));
    old_page.send(R"({"type":"hello","protocol":99,"device_key":"test-device-key-0099"})");
    EXPECT_EQ(old_page.next("error")["code"], "protocol_unsupported");
    EXPECT_TRUE(eventually([&] { return old_page.closed(); }, 10s));

    Tv tv(host.port(), key(14));
    pair_new_tv(tv, "TV01");
    tv.send("not json");
    EXPECT_EQ(tv.next("error")["code"], "malformed_message");
    tv.send("[1,2]");
    EXPECT_EQ(tv.next("error")["code"], "malformed_message");
    tv.send(R"({"type":"dance"})");
    EXPECT_EQ(tv.next("error")["code"], "unknown_type");
    tv.send(R"({"type":"ack","id":5})");
    EXPECT_EQ(tv.next("error")["code"], "malformed_message");
    tv.send(R"({"type":"heartbeat"})");
    EXPECT_GT(tv.next("heartbeat")["server_time_ms"].get<std::int64_t>(), 0);
    tv.send(R"({"type":"resync"})");
    EXPECT_EQ(tv.next("state")["mode"], "locked");
    for (int i = 0; i < 6; ++i) tv.send("garbage");
    EXPECT_TRUE(eventually([&] { return tv.closed(); }, 10s));

    // A message over 16 KB closes the connection; the host keeps serving.
    Tv big(host.port(), key(15));
    big.send(R"({"type":"hello","padding":")" + std::string(20000, 'x') + "\"}");
    EXPECT_TRUE(eventually([&] { return big.closed(); }, 10s));
    EXPECT_EQ(admin.get("/api/v1/health").status, 200);
}

// The class of bug fuzz_route_bodies found (text JSON cannot carry): a user
// agent or a message type cut inside a character made listing the devices
// fault the plugin, and the unknown type was answered as an internal error.
TEST_F(TvWebSocket, LongTextsAreCutBetweenCharacters) {
    std::string accented = "a";
    for (int i = 0; i < 200; ++i) accented += "\xC3\xA9";  // é: byte 300 falls inside one
    Tv tv(host.port(), key(16));
    tv.send(json{{"type", "hello"}, {"protocol", 1}, {"device_key", key(16)}, {"device", {{"user_agent", accented}}}}
                .dump());
    EXPECT_EQ(tv.next("state")["mode"], "unpaired");
    auto devices = admin.get(kApi + "/devices");
    ASSERT_EQ(devices.status, 200) << devices.body;
    EXPECT_EQ(devices.json()["devices"].back()["user_agent"], accented.substr(0, 299));

    tv.send(json{{"type", accented}}.dump());
    auto error = tv.next("error");
    EXPECT_EQ(error["code"], "unknown_type");
    EXPECT_NE(error["message"].get<std::string>().find(accented.substr(0, 39)), std::string::npos);
}

TEST_F(TvWebSocket, AdminRoutesNeedTvManage) {
    HttpClient anonymous(host.port());
    EXPECT_EQ(anonymous.get(kApi + "/devices").status, 401);
    EXPECT_EQ(anonymous.post(kApi + "/pairings", {{"code", "123456"}}).status, 401);
    HttpClient cashier(host.port());
    cashier.set_token(create_operator(admin, "kasir", {"sessions.view"}));
    EXPECT_EQ(cashier.get(kApi + "/devices").status, 403);
    HttpClient technician(host.port());
    technician.set_token(create_operator(admin, "teknisi", {"tv.manage"}));
    EXPECT_EQ(technician.get(kApi + "/devices").status, 200);
    EXPECT_EQ(admin.post(kApi + "/pairings", {{"code", "123456"}, {"bogus", 1}}).error_code(), "unknown_field");
    EXPECT_EQ(admin.post(kApi + "/pairings", json::object()).error_code(), "missing_field");
}

TEST_F(TvWebSocket, AnEndingSoonWarningIsANoticeOnTheTv) {
    Tv tv(host.port(), key(16));
    pair_new_tv(tv, "TV01");
    // With a 1-minute package the 1-minute warning falls due at the start.
    auto short_package = create_fixed_package(admin, {{"name", "1 menit"}, {"duration_minutes", 1}});
    start_session(admin, station, short_package);
    auto notice = tv.next("notice");
    EXPECT_EQ(notice["text"], "1 menit lagi");
    EXPECT_EQ(notice["level"], "critical");
    EXPECT_GT(notice["seconds"].get<int>(), 0);
}

TEST_F(TvWebSocket, LoginCodesAreReplacedOnTimeAndTheOldOneStillWorksBriefly) {
    ASSERT_EQ(admin.put(kApi + "/config", {{"login_nonce_seconds", 30}}).status, 200);
    Tv tv(host.port(), key(17));
    pair_new_tv(tv, "TV01");
    auto first = tv.next("qr");
    const auto first_text = first["text"].get<std::string>();
    auto replaced = tv.next("qr", [&](const json& qr) { return qr["text"] != first_text; }, 40s);
    EXPECT_GE(replaced["expires_at_ms"].get<std::int64_t>(), first["expires_at_ms"].get<std::int64_t>() + 29'000);
    // Someone who scanned just before the change can still log in with it.
    const auto nonce = first_text.substr(first_text.rfind("%20") + 3);
    EXPECT_EQ(admin.post(kApi + "/login-nonces/redeem", {{"station_code", "TV01"}, {"nonce", nonce}}).status, 200);
}

TEST(TvWebSocketCommands, AnotherPluginsTvCommandReachesTheTvWithAnId) {
    // tv-websocket plus the echo fixture, which publishes what a test asks.
    TempDir plugins;
    std::filesystem::create_directory_symlink(std::filesystem::path(BILLING_PRODUCT_PLUGIN_DIR) / "tv-websocket",
                                              plugins.path() / "tv-websocket");
    std::filesystem::create_directory_symlink(std::filesystem::path(BILLING_FIXTURE_PLUGIN_DIR) / "fixture-echo",
                                              plugins.path() / "fixture-echo");
    HostProcess host{HostOptions{.plugins_dir = plugins.path()}};
    HttpClient admin(host.port());
    admin_token(admin);
    create_station(admin, "TV01");
    Tv tv(host.port(), key(18));
    tv.hello();
    auto code = tv.next("qr")["code"];
    ASSERT_EQ(admin.post(kApi + "/pairings", {{"code", code}, {"station_code", "TV01"}}).status, 200);

    auto publish = [&](const json& payload) {
        return admin.post("/api/v1/plugins/fixture-echo/publish", {{"topic", "tv.command"}, {"payload", payload}});
    };
    ASSERT_EQ(publish({{"station_code", "TV01"}, {"command", "notice"}, {"args", {{"text", "Halo"}}}}).status, 204);
    auto first = tv.next("command");
    EXPECT_EQ(first["command"], "notice");
    EXPECT_EQ(first["args"]["text"], "Halo");
    ASSERT_EQ(publish({{"station_code", "TV01"}, {"command", "reload"}}).status, 204);
    auto second = tv.next("command");
    EXPECT_EQ(second["command"], "reload");
    EXPECT_NE(second["id"], first["id"]);
    tv.send(json{{"type", "ack"}, {"id", second["id"]}}.dump());

    // A command for a TV that does not exist is ignored; the plugin keeps running.
    ASSERT_EQ(publish({{"station_code", "TV77"}, {"command", "reload"}}).status, 204);
    ASSERT_EQ(publish({{"command", 5}}).status, 204);
    ASSERT_EQ(publish(5).status, 204);
    ASSERT_EQ(admin.post("/api/v1/plugins/fixture-echo/publish", {{"topic", "tv.nonce_redeem"}, {"payload", {{"station_code", 1}}}}).status, 204);
    tv.send(R"({"type":"heartbeat"})");
    EXPECT_FALSE(tv.next("heartbeat").is_null());
    EXPECT_EQ(admin.get("/api/v1/plugins/tv-websocket").json()["state"], "running");
}

TEST_F(TvWebSocket, FiveHundredTvsConnectedAtOnce) {
    // Each TV pairs itself by IP? No: one address serves them all here, so
    // they wait as pending devices, each with its own pairing code.
    std::vector<std::unique_ptr<Tv>> tvs;
    for (int i = 0; i < 500; ++i) {
        tvs.push_back(std::make_unique<Tv>(host.port(), key(1000 + i)));
        tvs.back()->hello();
    }
    std::set<std::string> codes;
    for (auto& tv : tvs) codes.insert(tv->next("qr")["code"].get<std::string>());
    EXPECT_EQ(codes.size(), 500u);
    auto devices = admin.get(kApi + "/devices").json()["devices"];
    EXPECT_EQ(devices.size(), 500u);
    // Every one still answers, and the host serves the API meanwhile.
    for (auto& tv : tvs) tv->send(R"({"type":"heartbeat"})");
    for (auto& tv : tvs) EXPECT_FALSE(tv->next("heartbeat").is_null());
    EXPECT_EQ(admin.get("/api/v1/stations").status, 200);
}

}  // namespace
}  // namespace billing::test
