// The fixture plugins in the real host: states and reasons in the list,
// turning plugins off and on at runtime (routes, WebSocket endpoints, timers
// go and come back), dependencies, faults, persistence across a restart.
#include <chrono>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using ::testing::HasSubstr;

void expect_error(const HttpResult& result, int status, const std::string& code) {
    EXPECT_EQ(result.status, status) << result.body;
    EXPECT_EQ(result.error_code(), code) << result.body;
}

class PluginsLifecycle : public ::testing::Test {
protected:
    PluginsLifecycle() { admin_token(admin); }

    json plugin(const std::string& id) {
        auto result = admin.get("/api/v1/plugins/" + id);
        EXPECT_EQ(result.status, 200) << result.body;
        return result.json();
    }
    HttpResult set_enabled(const std::string& id, bool enabled, bool cascade = false) {
        return admin.put("/api/v1/plugins/" + id, {{"enabled", enabled}, {"cascade", cascade}});
    }
    // Waits for an event on `stream` matching `topic` (and plugin id, if given).
    static bool wait_for(SseClient& stream, const std::string& topic, const std::string& id = {}) {
        auto deadline = std::chrono::steady_clock::now() + 20s;
        while (std::chrono::steady_clock::now() < deadline) {
            auto event = stream.next(1s);
            if (!event || event->event != topic) continue;
            if (id.empty() || json::parse(event->data)["payload"]["id"] == id) return true;
        }
        return false;
    }

    HostProcess host{[] {
        HostOptions options;
        options.fixture_plugins = true;
        return options;
    }()};
    HttpClient admin{host.port()};
};

TEST_F(PluginsLifecycle, TheListShowsEveryPluginWithItsStateAndReason) {
    auto result = admin.get("/api/v1/plugins");
    ASSERT_EQ(result.status, 200) << result.body;
    auto list = result.json()["plugins"];
    EXPECT_EQ(list.size(), 8u) << list.dump(2);

    auto echo = plugin("fixture-echo");
    EXPECT_EQ(echo["state"], "running");
    EXPECT_TRUE(echo["reason"].is_null());
    EXPECT_EQ(echo["enabled"], true);
    EXPECT_EQ(echo["required_by"], json::array({"fixture-dependent"}));
    EXPECT_EQ(echo["routes"], 4);
    EXPECT_EQ(echo["websockets"], 1);
    for (const char* counter : {"delivered", "dropped", "queued"}) EXPECT_TRUE(echo["bus"][counter].is_number());
    EXPECT_EQ(plugin("fixture-dependent")["state"], "running");

    auto throws = plugin("fixture-throws");
    EXPECT_EQ(throws["state"], "faulted");
    EXPECT_THAT(throws["reason"].get<std::string>(), HasSubstr("fixture-throws refuses to start"));
    auto bad_abi = plugin("fixture-bad-abi");
    EXPECT_EQ(bad_abi["state"], "faulted");
    EXPECT_THAT(bad_abi["reason"].get<std::string>(),
                HasSubstr("built for SDK ABI 99."));
    EXPECT_THAT(plugin("fixture-missing-dep")["reason"].get<std::string>(),
                HasSubstr("requires does-not-exist, which is not installed"));
    EXPECT_EQ(plugin("fixture-cycle-a")["reason"], "cycle: fixture-cycle-a -> fixture-cycle-b -> fixture-cycle-a");
    EXPECT_EQ(plugin("fixture-cycle-b")["state"], "faulted");
}

TEST_F(PluginsLifecycle, PluginRoutesAnswerUnderTheirPrefix) {
    auto status = admin.get("/api/v1/plugins/fixture-echo/status");
    ASSERT_EQ(status.status, 200) << status.body;
    EXPECT_EQ(status.json()["greeting"], "halo");
    auto created = admin.post("/api/v1/plugins/fixture-echo/items", {{"text", "satu"}});
    EXPECT_EQ(created.status, 201) << created.body;
    expect_error(admin.post("/api/v1/plugins/fixture-echo/items", json::object()), 400, "missing_field");
    EXPECT_EQ(admin.get("/api/v1/plugins/fixture-echo/status").json()["items"], 1);
    expect_error(admin.get("/api/v1/plugins/fixture-echo/nothing-here"), 404, "not_found");
    EXPECT_EQ(admin.get("/api/v1/plugins/fixture-dependent/status").status, 200);

    // The subscription saw the item; the bus counters show it.
    bool delivered = false;
    for (int i = 0; i < 200 && !delivered; ++i) {
        delivered = plugin("fixture-echo")["bus"]["delivered"].get<int>() >= 1;
        if (!delivered) std::this_thread::sleep_for(50ms);
    }
    EXPECT_TRUE(delivered);
}

TEST_F(PluginsLifecycle, DisablingRemovesRoutesEndpointsAndTimersAndIsRemembered) {
    WsClient socket(host.port(), "/ws/fixture-echo");
    EXPECT_EQ(socket.receive(10s), "hello");
    socket.send("ping");
    EXPECT_EQ(socket.receive(10s), "ping");
    SseClient events(host.port(), "/api/v1/events?token=" + admin.token());
    ASSERT_EQ(events.status(), 200);
    ASSERT_TRUE(wait_for(events, "fixture-echo.tick")) << "the timer runs";

    expect_error(set_enabled("fixture-echo", false), 409, "plugin_required_by");
    EXPECT_THAT(set_enabled("fixture-echo", false).body, HasSubstr("fixture-dependent"));
    auto disabled = set_enabled("fixture-echo", false, true);
    ASSERT_EQ(disabled.status, 200) << disabled.body;
    EXPECT_EQ(disabled.json()["state"], "stopped");
    EXPECT_EQ(disabled.json()["enabled"], false);
    EXPECT_EQ(disabled.json()["routes"], 0);
    EXPECT_EQ(disabled.json()["websockets"], 0);
    EXPECT_EQ(plugin("fixture-dependent")["state"], "stopped");

    expect_error(admin.get("/api/v1/plugins/fixture-echo/status"), 404, "not_found");
    expect_error(admin.get("/api/v1/plugins/fixture-dependent/status"), 404, "not_found");
    EXPECT_EQ(ws_upgrade_status(host.port(), "/ws/fixture-echo"), 404);
    bool closed = false;
    for (int i = 0; i < 200 && !closed; ++i) {
        closed = socket.closed();
        if (!closed) std::this_thread::sleep_for(50ms);
    }
    EXPECT_TRUE(closed) << "open connections of a removed endpoint are closed";

    // Events reach the stream in publication order: once plugin.stopped is
    // in, a tick after it would mean the timer still runs (it ticks twice a
    // second).
    ASSERT_TRUE(wait_for(events, "plugin.stopped", "fixture-echo"));
    auto until = std::chrono::steady_clock::now() + 1500ms;
    while (std::chrono::steady_clock::now() < until) {
        if (auto event = events.next(100ms)) {
            EXPECT_NE(event->event, "fixture-echo.tick");
        }
    }

    ASSERT_EQ(host.stop(), 0) << host.log();
    host.start();
    admin_token(admin);
    EXPECT_EQ(plugin("fixture-echo")["state"], "stopped");
    EXPECT_EQ(plugin("fixture-echo")["enabled"], false);
    EXPECT_EQ(plugin("fixture-dependent")["enabled"], false);
    expect_error(admin.get("/api/v1/plugins/fixture-echo/status"), 404, "not_found");

    auto enabled = set_enabled("fixture-echo", true);
    ASSERT_EQ(enabled.status, 200) << enabled.body;
    EXPECT_EQ(enabled.json()["state"], "running");
    EXPECT_EQ(admin.get("/api/v1/plugins/fixture-echo/status").status, 200);
    EXPECT_EQ(ws_upgrade_status(host.port(), "/ws/fixture-echo"), 101);
}

TEST_F(PluginsLifecycle, EnablingADependentNeedsItsRequirementsOrCascade) {
    ASSERT_EQ(set_enabled("fixture-echo", false, true).status, 200);
    auto refused = set_enabled("fixture-dependent", true);
    expect_error(refused, 409, "plugin_requires_disabled");
    EXPECT_THAT(refused.body, HasSubstr("fixture-echo"));
    auto cascaded = set_enabled("fixture-dependent", true, true);
    ASSERT_EQ(cascaded.status, 200) << cascaded.body;
    EXPECT_EQ(cascaded.json()["state"], "running");
    EXPECT_EQ(plugin("fixture-echo")["state"], "running");
    EXPECT_EQ(admin.get("/api/v1/plugins/fixture-dependent/status").status, 200);
}

TEST_F(PluginsLifecycle, RefusedPluginsCannotBeEnabled) {
    for (const char* id : {"fixture-bad-abi", "fixture-missing-dep", "fixture-cycle-a"})
        expect_error(set_enabled(id, true, true), 409, "plugin_refused");
}

TEST_F(PluginsLifecycle, AnExceptionFaultsThePluginAndTheHostKeepsServing) {
    expect_error(admin.get("/api/v1/plugins/fixture-echo/fail"), 500, "plugin_faulted");
    auto echo = plugin("fixture-echo");
    EXPECT_EQ(echo["state"], "faulted");
    EXPECT_EQ(echo["reason"], "fixture failure requested");
    expect_error(admin.get("/api/v1/plugins/fixture-echo/status"), 404, "not_found");
    EXPECT_EQ(admin.get("/api/v1/health").status, 200);
    EXPECT_EQ(admin.get("/api/v1/plugins/fixture-dependent/status").status, 200);

    ASSERT_EQ(set_enabled("fixture-echo", true).status, 200);
    EXPECT_EQ(plugin("fixture-echo")["state"], "running");
    EXPECT_EQ(admin.get("/api/v1/plugins/fixture-echo/status").status, 200);
}

TEST_F(PluginsLifecycle, BadRequestsAndAccess) {
    expect_error(admin.put("/api/v1/plugins/fixture-echo", json::object()), 400, "missing_field");
    expect_error(admin.put("/api/v1/plugins/fixture-echo", {{"enabled", "yes"}}), 400, "invalid_field");
    expect_error(admin.put("/api/v1/plugins/fixture-echo", {{"enabled", false}, {"cascade", 1}}), 400,
                 "invalid_field");
    expect_error(admin.request("PUT", "/api/v1/plugins/fixture-echo", "nope", {{"content-type", "application/json"}}),
                 400, "invalid_json");
    expect_error(admin.get("/api/v1/plugins/nope"), 404, "plugin_not_found");
    expect_error(set_enabled("nope", true), 404, "plugin_not_found");
    EXPECT_EQ(plugin("fixture-echo")["state"], "running") << "bad requests change nothing";

    HttpClient viewer(host.port());
    viewer.set_token(create_operator(admin, "pengamat", {"plugins.view"}));
    EXPECT_EQ(viewer.get("/api/v1/plugins").status, 200);
    expect_error(viewer.put("/api/v1/plugins/fixture-echo", {{"enabled", false}}), 403, "forbidden");
    HttpClient nobody(host.port());
    nobody.set_token(create_operator(admin, "kasir", {}));
    expect_error(nobody.get("/api/v1/plugins"), 403, "forbidden");
    // Plugin routes check their own access: /items needs fixture.use.
    expect_error(nobody.post("/api/v1/plugins/fixture-echo/items", {{"text", "x"}}), 403, "forbidden");
    HttpClient anonymous(host.port());
    expect_error(anonymous.get("/api/v1/plugins"), 401, "unauthorized");
}

}  // namespace
}  // namespace billing::test
