// Plugin events on the SSE stream: a plugin's topics reach the users its
// manifest allows, and plugin lifecycle events reach plugins.view holders.
#include <chrono>

#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

// The next event on `stream` whose topic is not a timer tick.
std::optional<SseEvent> next_event(SseClient& stream) {
    auto deadline = std::chrono::steady_clock::now() + 20s;
    while (std::chrono::steady_clock::now() < deadline) {
        auto event = stream.next(1s);
        if (event && event->event != "fixture-echo.tick") return event;
    }
    return std::nullopt;
}

class PluginsEvents : public ::testing::Test {
protected:
    PluginsEvents() { admin_token(admin); }

    HostProcess host{[] {
        HostOptions options;
        options.fixture_plugins = true;
        return options;
    }()};
    HttpClient admin{host.port()};
};

TEST_F(PluginsEvents, APluginsTopicsReachOnlyTheUsersItsManifestAllows) {
    auto user_token = create_operator(admin, "pemakai", {"fixture.use"});
    auto other_token = create_operator(admin, "lain", {});
    SseClient user(host.port(), "/api/v1/events?token=" + user_token);
    SseClient other(host.port(), "/api/v1/events?token=" + other_token);
    ASSERT_EQ(user.status(), 200);
    ASSERT_EQ(other.status(), 200);

    ASSERT_EQ(admin.post("/api/v1/plugins/fixture-echo/items", {{"text", "satu"}}).status, 201);
    // A marker every signed-in user sees, published after the item.
    ASSERT_EQ(admin.put("/api/v1/settings", {{"shop_name", "Penanda"}}).status, 200);

    auto seen = next_event(user);
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->event, "fixture.item_added");
    auto data = json::parse(seen->data);
    EXPECT_EQ(data["source"], "fixture-echo");
    EXPECT_EQ(data["payload"]["text"], "satu");
    auto marker = next_event(other);
    ASSERT_TRUE(marker);
    EXPECT_EQ(marker->event, "settings.changed") << "the item event was not for this user";
}

TEST_F(PluginsEvents, AFaultIsAnnouncedToPluginViewers) {
    SseClient viewer(host.port(), "/api/v1/events?token=" + create_operator(admin, "pengamat", {"plugins.view"}));
    ASSERT_EQ(viewer.status(), 200);
    EXPECT_EQ(admin.get("/api/v1/plugins/fixture-echo/fail").status, 500);
    auto event = next_event(viewer);
    ASSERT_TRUE(event);
    EXPECT_EQ(event->event, "plugin.faulted");
    auto payload = json::parse(event->data)["payload"];
    EXPECT_EQ(payload["id"], "fixture-echo");
    EXPECT_EQ(payload["reason"], "fixture failure requested");
}

}  // namespace
}  // namespace billing::test
