// A plugin's own dashboard page: listed by GET /api/v1/web-pages while the
// plugin runs, its files served under /plugin-web/<id>/ from the plugin's
// web/ folder, and both gone the moment the plugin stops.
#include <chrono>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using ::testing::HasSubstr;

class PluginsWeb : public ::testing::Test {
protected:
    PluginsWeb() { admin_token(admin); }

    json pages(HttpClient& client) {
        auto result = client.get("/api/v1/web-pages");
        EXPECT_EQ(result.status, 200) << result.body;
        return result.json()["pages"];
    }

    HostProcess host{[] {
        HostOptions options;
        options.fixture_plugins = true;
        return options;
    }()};
    HttpClient admin{host.port()};
};

TEST_F(PluginsWeb, EverySignedInUserSeesTheRunningPluginsPages) {
    auto expected = json{{"plugin", "fixture-echo"},
                         {"name", "Fixture Echo"},
                         {"title", "Echo"},
                         {"url", "/plugin-web/fixture-echo/index.html"}};
    EXPECT_EQ(pages(admin), json::array({expected}));

    HttpClient operator_client{host.port()};
    operator_client.set_token(create_operator(admin, "kasir1", {}));
    EXPECT_EQ(pages(operator_client), json::array({expected}));

    HttpClient anonymous{host.port()};
    EXPECT_EQ(anonymous.get("/api/v1/web-pages").status, 401);
}

TEST_F(PluginsWeb, ThePageFilesComeFromThePluginsWebFolderOnly) {
    auto page = admin.get("/plugin-web/fixture-echo/index.html");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_THAT(page.headers["content-type"], HasSubstr("text/html"));
    EXPECT_THAT(page.body, HasSubstr("/api/v1/plugins/fixture-echo/status"));

    // The manifest and the library sit beside web/, never inside it.
    EXPECT_NE(admin.get("/plugin-web/fixture-echo/../plugin.json").status, 200);
    EXPECT_NE(admin.get("/plugin-web/fixture-echo/%2e%2e/plugin.json").status, 200);
    EXPECT_NE(admin.get("/plugin-web/fixture-echo/%2E%2E/fixture-echo.so").status, 200);
    EXPECT_EQ(admin.get("/plugin-web/no-such-plugin/index.html").status, 404);
    // A plugin without a web entry serves nothing.
    EXPECT_EQ(admin.get("/plugin-web/fixture-dependent/index.html").status, 404);
}

TEST_F(PluginsWeb, AStoppedPluginsPageDisappearsAndEveryoneIsTold) {
    HttpClient operator_client{host.port()};
    auto operator_token = create_operator(admin, "kasir1", {"sessions.view"});
    operator_client.set_token(operator_token);
    // An operator without plugins.view still hears which plugins start and
    // stop, so the sidebar follows.
    SseClient stream(host.port(), "/api/v1/events", {{"authorization", "Bearer " + operator_token}});
    ASSERT_EQ(stream.status(), 200);

    auto off = admin.put("/api/v1/plugins/fixture-echo", {{"enabled", false}, {"cascade", true}});
    ASSERT_EQ(off.status, 200) << off.body;
    EXPECT_EQ(pages(operator_client), json::array());
    EXPECT_EQ(admin.get("/plugin-web/fixture-echo/index.html").status, 404);

    bool told = false;
    auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!told && std::chrono::steady_clock::now() < deadline) {
        auto event = stream.next(1s);
        told = event && event->event == "plugin.stopped" && json::parse(event->data)["payload"]["id"] == "fixture-echo";
    }
    EXPECT_TRUE(told) << "the operator's stream never carried plugin.stopped for fixture-echo";

    auto on = admin.put("/api/v1/plugins/fixture-echo", {{"enabled", true}});
    ASSERT_EQ(on.status, 200) << on.body;
    EXPECT_EQ(pages(operator_client).size(), 1u);
    EXPECT_EQ(admin.get("/plugin-web/fixture-echo/index.html").status, 200);
}

}  // namespace
}  // namespace billing::test
