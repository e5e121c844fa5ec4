// A plugin that misbehaves at run time (fixture-blocks): a route or an
// event handler that never returns, or an event handler that throws. The
// plugin is faulted with the reason, requests queued behind a stuck call
// are answered 503, and the host and the other plugins keep serving.
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <fstream>

#include "raw_connection.hpp"
#include "support/eventually.hpp"
#include "support/plugin_folders.hpp"
#include "support/test_support.hpp"

namespace billing::reliability {
namespace {

using nlohmann::json;
using test::HttpClient;
using ::testing::HasSubstr;

class PluginFaults : public ::testing::Test {
protected:
    PluginFaults() { test::admin_token(admin); }

    std::string state(const std::string& id) { return plugin(id)["state"].get<std::string>(); }
    json plugin(const std::string& id) { return admin.get("/api/v1/plugins/" + id).json(); }

    // A request sent whole whose answer is read later.
    std::unique_ptr<RawConnection> send_request(const std::string& method, const std::string& path) {
        auto connection = std::make_unique<RawConnection>(host.port());
        EXPECT_TRUE(connection->send(method + " " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                                     admin.token() + "\r\nContent-Length: 0\r\n\r\n"));
        return connection;
    }

    // The host's own routes and the other plugin answer.
    void expect_the_rest_serves() {
        EXPECT_EQ(admin.get("/api/v1/health").status, 200);
        EXPECT_EQ(admin.get("/api/v1/stations").status, 200);
        EXPECT_EQ(admin.post("/api/v1/members", {{"name", "Dewi " + std::to_string(++members)},
                                                 {"phone", "08120000010" + std::to_string(members)}})
                      .status,
                  201);
        EXPECT_EQ(admin.get("/api/v1/plugins/fixture-echo/status").status, 200);
    }

    void publish(const std::string& topic) {
        ASSERT_EQ(admin.post("/api/v1/plugins/fixture-echo/publish", {{"topic", topic}, {"payload", json::object()}}).status,
                  204);
    }

    // fixture-blocks beside fixture-echo. A stuck request is in flight
    // until its call returns, so the shutdown's grace for requests in
    // flight is cut to 1 s: the test then shows the host exits once the
    // grace is over, not held by the stuck call.
    test::HostOptions host_options() {
        const auto config = folder.path() / "billing.json";
        std::ofstream(config) << R"({"server": {"shutdown_grace_seconds": 1}})";
        return {.extra_args = {"--config", config.string()},
                .plugins_dir = test::linked_plugins_dir(
                    folder.path() / "plugins", {std::filesystem::path(BILLING_BINARY_DIR) / "tests/reliability-plugins/fixture-blocks",
                                                std::filesystem::path(BILLING_FIXTURE_PLUGIN_DIR) / "fixture-echo"})};
    }

    test::TempDir folder;
    test::HostProcess host{host_options()};
    HttpClient admin{host.port()};
    int members = 0;
};

TEST_F(PluginFaults, AStuckRouteFaultsThePluginAndQueuedRequestsAreAnswered) {
    ASSERT_EQ(state("fixture-blocks"), "running");
    auto stuck = send_request("POST", "/api/v1/plugins/fixture-blocks/block");
    std::vector<std::unique_ptr<RawConnection>> queued;
    for (int i = 0; i < 3; ++i) queued.push_back(send_request("GET", "/api/v1/plugins/fixture-blocks/status"));
    // While the call is stuck, nothing else waits for it.
    expect_the_rest_serves();

    ASSERT_TRUE(test::eventually([&] { return state("fixture-blocks") == "faulted"; })) << host.log();
    EXPECT_THAT(plugin("fixture-blocks")["reason"].get<std::string>(), HasSubstr("blocked"));
    for (auto& request : queued) {
        ASSERT_TRUE(request->read_response()) << request->received();
        EXPECT_THAT(request->received(), HasSubstr("HTTP/1.1 503"));
        EXPECT_THAT(request->received(), HasSubstr("plugin_unavailable"));
    }
    EXPECT_EQ(admin.get("/api/v1/plugins/fixture-blocks/status").error_code(), "not_found");
    expect_the_rest_serves();

    // Enabled again, it runs on a fresh strand beside the stuck call.
    ASSERT_EQ(admin.put("/api/v1/plugins/fixture-blocks", {{"enabled", true}}).status, 200);
    EXPECT_EQ(state("fixture-blocks"), "running");
    EXPECT_EQ(admin.get("/api/v1/plugins/fixture-blocks/status").status, 200);
    // The stuck call does not hold up the shutdown.
    EXPECT_EQ(host.stop(), 0) << host.log();
}

TEST_F(PluginFaults, AStuckEventHandlerFaultsThePlugin) {
    publish("fixture-blocks.block");
    ASSERT_TRUE(test::eventually([&] { return state("fixture-blocks") == "faulted"; })) << host.log();
    EXPECT_THAT(plugin("fixture-blocks")["reason"].get<std::string>(), HasSubstr("blocked"));
    expect_the_rest_serves();
    EXPECT_EQ(host.stop(), 0) << host.log();
}

TEST_F(PluginFaults, AnEventHandlerThatThrowsFaultsThePlugin) {
    publish("fixture-blocks.throw");
    ASSERT_TRUE(test::eventually([&] { return state("fixture-blocks") == "faulted"; })) << host.log();
    EXPECT_EQ(plugin("fixture-blocks")["reason"], "fixture-blocks event handler threw");
    EXPECT_EQ(admin.get("/api/v1/plugins/fixture-blocks/status").error_code(), "not_found");
    expect_the_rest_serves();
    EXPECT_EQ(host.stop(), 0) << host.log();
}

}  // namespace
}  // namespace billing::reliability
