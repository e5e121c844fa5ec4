// The plugin manager in-process with the real fixture plugins, a real
// database in a temporary directory and real worker threads.
#include <chrono>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <billing/sdk/http.hpp>

#include "api/router.hpp"
#include "api/websocket_registry.hpp"
#include "audit/audit_log.hpp"
#include "auth/permission_catalog.hpp"
#include "bus/event_bus.hpp"
#include "bus/event_visibility.hpp"
#include "core/executors.hpp"
#include "net/outbound_http_client.hpp"
#include "plugins/plugin_manager.hpp"
#include "qr/qr_renderer.hpp"
#include "settings/settings_store.hpp"
#include "storage/database.hpp"
#include "storage/migrator.hpp"
#include "support/temp_dir.hpp"
#include "worker_threads.hpp"

namespace billing::host {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using ::testing::HasSubstr;
using plugin_test::eventually;
using plugin_test::WorkerThreads;

const std::vector<std::string> kAllFixtures = {"fixture-echo",        "fixture-dependent", "fixture-throws",
                                               "fixture-bad-abi",     "fixture-missing-dep", "fixture-cycle-a",
                                               "fixture-cycle-b"};

// The settings store reads its table on construction: the schema comes first.
Database& with_host_schema(Database& database) {
    Migrator(database).apply("host", host_migrations());
    return database;
}

class PluginManagerTest : public ::testing::Test {
protected:
    explicit PluginManagerTest(std::size_t bus_queue_limit = 1024) : bus(bus_queue_limit) {
        bus.subscribe("test", "plugin.*", [this](const sdk::Event& event) { record(event); },
                      executors.worker_poster());
    }

    ~PluginManagerTest() override {
        manager.reset();
        workers.pause();
        network_workers.pause();
    }

    // Copies the named fixtures into this test's plugins directory.
    void install(const std::vector<std::string>& fixtures = kAllFixtures) {
        std::filesystem::create_directories(plugins_dir);
        for (const auto& name : fixtures) {
            auto source = std::filesystem::path(BILLING_FIXTURE_PLUGIN_DIR) / name;
            ASSERT_TRUE(std::filesystem::exists(source / (name + ".so")))
                << source << " is missing: build the billing_fixture_plugins target";
            std::filesystem::copy(source, plugins_dir / name, std::filesystem::copy_options::recursive);
        }
    }

    void start_manager() {
        manager = std::make_unique<PluginManager>(
            PluginServices{executors, bus, visibility, router, websockets, database, settings, audit, permissions,
                           http_client, qr, data_dir.path()},
            plugins_dir);
        manager->start();
    }

    // A host restart, as far as plugins can tell.
    void restart_manager() {
        manager.reset();
        start_manager();
    }

    json plugin(const std::string& id) { return manager->describe(id); }
    std::string state(const std::string& id) { return plugin(id)["state"]; }

    // Calls an API route the way the dispatcher does: through its poster.
    sdk::HttpResponse call(const std::string& method, const std::string& path, const std::string& body = {}) {
        auto match = router.match(method, path);
        if (!match.route) return sdk::HttpResponse::error(404, "not_found", "no route for " + path);
        auto request = std::make_shared<sdk::HttpRequest>();
        request->method = method;
        request->path = path;
        request->path_params = match.params;
        request->body = body;
        request->user = sdk::UserInfo{1, "admin", "admin", {}, false};
        auto result = std::make_shared<std::promise<sdk::HttpResponse>>();
        auto route = match.route;
        route->poster([route, request, result] {
            try {
                result->set_value(route->handler(*request));
            } catch (...) {
                result->set_exception(std::current_exception());
            }
        });
        return result->get_future().get();
    }
    json call_json(const std::string& method, const std::string& path, const std::string& body = {}) {
        return json::parse(call(method, path, body).body);
    }

    std::vector<sdk::Event> events() {
        std::lock_guard lock(events_mutex);
        return events_seen;
    }
    bool saw(const std::string& topic, const std::string& id) {
        for (const auto& event : events())
            if (event.topic == topic && event.payload["id"] == id) return true;
        return false;
    }

    std::string api_error(const std::function<void()>& action, int expected_status) {
        try {
            action();
        } catch (const sdk::ApiError& error) {
            EXPECT_EQ(error.status(), expected_status) << error.what();
            return error.code() + ": " + error.what();
        }
        return "no error";
    }

    test::TempDir data_dir;
    std::filesystem::path plugins_dir = data_dir.path() / "plugins-dir";
    boost::asio::io_context network;
    boost::asio::io_context work;
    WorkerThreads workers{work};
    WorkerThreads network_workers{network};
    Executors executors{network, work};
    Database database{{data_dir.path() / "billing.db"}};
    EventBus bus;
    EventVisibility visibility;
    Router router;
    WebSocketRegistry websockets;
    PermissionCatalog permissions;
    AuditLog audit{database};
    SettingsStore settings{with_host_schema(database), bus};
    OutboundHttpClient http_client{network};
    QrRenderer qr;
    std::unique_ptr<PluginManager> manager;

private:
    void record(const sdk::Event& event) {
        std::lock_guard lock(events_mutex);
        events_seen.push_back(event);
    }
    std::mutex events_mutex;
    std::vector<sdk::Event> events_seen;
};

TEST_F(PluginManagerTest, StartsPluginsAndListsStatesWithReasons) {
    install();
    start_manager();
    auto list = manager->list()["plugins"];
    ASSERT_EQ(list.size(), kAllFixtures.size());

    EXPECT_EQ(state("fixture-echo"), "running");
    EXPECT_TRUE(plugin("fixture-echo")["reason"].is_null());
    EXPECT_EQ(state("fixture-dependent"), "running");
    EXPECT_EQ(plugin("fixture-dependent")["requires"], json::array({"fixture-echo"}));
    EXPECT_EQ(plugin("fixture-echo")["required_by"], json::array({"fixture-dependent"}));

    EXPECT_EQ(state("fixture-throws"), "faulted");
    EXPECT_THAT(plugin("fixture-throws")["reason"].get<std::string>(), HasSubstr("fixture-throws refuses to start"));
    // It registered a route before throwing: gone again.
    EXPECT_FALSE(router.match("GET", "/api/v1/plugins/fixture-throws/status").route);

    auto bad_abi = plugin("fixture-bad-abi")["reason"].get<std::string>();
    EXPECT_EQ(state("fixture-bad-abi"), "faulted");
    EXPECT_THAT(bad_abi, HasSubstr("built for SDK ABI 99."));
    EXPECT_THAT(plugin("fixture-missing-dep")["reason"].get<std::string>(),
                HasSubstr("requires does-not-exist, which is not installed"));
    EXPECT_EQ(plugin("fixture-cycle-a")["reason"], "cycle: fixture-cycle-a -> fixture-cycle-b -> fixture-cycle-a");
    EXPECT_EQ(plugin("fixture-cycle-b")["reason"], "cycle: fixture-cycle-a -> fixture-cycle-b -> fixture-cycle-a");

    auto echo = plugin("fixture-echo");
    EXPECT_EQ(echo["name"], "Fixture Echo");
    EXPECT_EQ(echo["version"], "1.0.0");
    EXPECT_EQ(echo["sdk_abi"], "1.0");
    EXPECT_EQ(echo["enabled"], true);
    EXPECT_EQ(echo["permissions"], json::parse(R"([{"name":"fixture.use","label":"Use the echo fixture"}])"));
    EXPECT_EQ(echo["web"]["title"], "Echo");
    EXPECT_EQ(echo["routes"], 4);
    EXPECT_EQ(echo["websockets"], 1);
    EXPECT_EQ(echo["connections"], 0);
    EXPECT_TRUE(echo["bus"].contains("delivered") && echo["bus"].contains("dropped") && echo["bus"].contains("queued"));

    EXPECT_TRUE(eventually([&] { return saw("plugin.started", "fixture-echo"); }));
    EXPECT_TRUE(eventually([&] { return saw("plugin.faulted", "fixture-throws"); }));
}

TEST_F(PluginManagerTest, RegistersManifestPermissionsAndEventRules) {
    install({"fixture-echo"});
    start_manager();
    EXPECT_TRUE(permissions.contains("fixture.use"));
    sdk::UserInfo user{2, "kasir", "operator", {"fixture.use"}, false};
    sdk::UserInfo other{3, "lain", "operator", {}, false};
    EXPECT_TRUE(visibility.may_see(user, "fixture.item_added"));
    EXPECT_FALSE(visibility.may_see(other, "fixture.item_added"));
}

TEST_F(PluginManagerTest, PluginRoutesStorageBusAndTimersWork) {
    install({"fixture-echo"});
    start_manager();
    auto status = call_json("GET", "/api/v1/plugins/fixture-echo/status");
    EXPECT_EQ(status["greeting"], "halo");
    EXPECT_EQ(status["max_items"], 10);
    EXPECT_EQ(status["items"], 0);

    auto created = call("POST", "/api/v1/plugins/fixture-echo/items", R"({"text":"satu"})");
    EXPECT_EQ(created.status, 201);
    EXPECT_EQ(json::parse(created.body)["text"], "satu");
    EXPECT_EQ(call("POST", "/api/v1/plugins/fixture-echo/items", "{}").status, 400) << "ApiError passes through";

    EXPECT_TRUE(eventually([&] {
        auto now = call_json("GET", "/api/v1/plugins/fixture-echo/status");
        return now["items"] == 1 && now["events"] == 1 && now["ticks"].get<int>() >= 2;
    }));
    EXPECT_EQ(state("fixture-echo"), "running");
    EXPECT_GE(plugin("fixture-echo")["bus"]["delivered"].get<int>(), 1);
    EXPECT_TRUE(websockets.find("/ws/fixture-echo").endpoint);
}

TEST_F(PluginManagerTest, ConfigurationIsValidatedAppliedLiveAndSaved) {
    install({"fixture-echo"});
    start_manager();
    auto config = manager->config("fixture-echo");
    EXPECT_EQ(config["config"], json::parse(R"({"greeting":"halo","max_items":10})"));
    EXPECT_EQ(config["schema"]["properties"]["max_items"]["maximum"], 100);

    EXPECT_EQ(api_error([&] { manager->set_config("fixture-echo", {{"max_items", 0}}); }, 400),
              "invalid_config: $.max_items must be at least 1");
    EXPECT_EQ(api_error([&] { manager->set_config("fixture-echo", {{"colour", "red"}}); }, 400),
              "invalid_config: $.colour is not allowed");
    EXPECT_EQ(api_error([&] { manager->set_config("fixture-echo", {{"greeting", "refuse"}}); }, 400),
              "greeting_refused: the greeting 'refuse' is refused");
    EXPECT_EQ(manager->config("fixture-echo")["config"]["greeting"], "halo") << "refused changes leave it as it was";

    auto applied = manager->set_config("fixture-echo", {{"greeting", "hai"}});
    EXPECT_EQ(applied["config"], json::parse(R"({"greeting":"hai","max_items":10})"));
    EXPECT_EQ(call_json("GET", "/api/v1/plugins/fixture-echo/status")["greeting"], "hai") << "applied without restart";
    EXPECT_TRUE(eventually([&] { return saw("plugin.configured", "fixture-echo"); }));

    restart_manager();
    EXPECT_EQ(call_json("GET", "/api/v1/plugins/fixture-echo/status")["greeting"], "hai") << "saved";
}

TEST_F(PluginManagerTest, AConfigureThatThrowsFaultsThePluginAndKeepsTheSavedConfiguration) {
    install({"fixture-echo"});
    start_manager();
    EXPECT_EQ(api_error([&] { manager->set_config("fixture-echo", {{"greeting", "crash"}}); }, 500),
              "plugin_faulted: plugin fixture-echo failed while applying the configuration and was stopped");
    EXPECT_EQ(state("fixture-echo"), "faulted");
    EXPECT_EQ(plugin("fixture-echo")["reason"], "configure() failed: configure crashed on purpose");
    EXPECT_EQ(manager->config("fixture-echo")["config"]["greeting"], "halo");
    manager->set_enabled("fixture-echo", true, false);
    EXPECT_EQ(call_json("GET", "/api/v1/plugins/fixture-echo/status")["greeting"], "halo");
}

TEST_F(PluginManagerTest, DisablingRemovesEverythingItRegisteredAndIsRemembered) {
    install({"fixture-echo", "fixture-dependent"});
    start_manager();
    EXPECT_EQ(api_error([&] { manager->set_enabled("fixture-echo", false, false); }, 409),
              "plugin_required_by: fixture-dependent requires fixture-echo; disable them first or use cascade");
    EXPECT_EQ(state("fixture-echo"), "running");

    auto result = manager->set_enabled("fixture-echo", false, true);
    EXPECT_EQ(result["state"], "stopped");
    EXPECT_EQ(result["enabled"], false);
    EXPECT_EQ(state("fixture-dependent"), "stopped");
    EXPECT_EQ(plugin("fixture-dependent")["enabled"], false);
    EXPECT_FALSE(router.match("GET", "/api/v1/plugins/fixture-echo/status").route);
    EXPECT_FALSE(router.match("GET", "/api/v1/plugins/fixture-dependent/status").route);
    EXPECT_FALSE(websockets.find("/ws/fixture-echo").endpoint);
    EXPECT_EQ(bus.stats("fixture-echo").subscriptions, 0u);
    EXPECT_EQ(result["routes"], 0);
    EXPECT_EQ(result["websockets"], 0);
    EXPECT_TRUE(eventually([&] { return saw("plugin.stopped", "fixture-echo"); }));

    restart_manager();
    EXPECT_EQ(state("fixture-echo"), "stopped");
    EXPECT_EQ(plugin("fixture-echo")["enabled"], false);
    EXPECT_FALSE(router.match("GET", "/api/v1/plugins/fixture-echo/status").route);

    manager->set_enabled("fixture-echo", true, false);
    EXPECT_EQ(state("fixture-echo"), "running");
    EXPECT_EQ(call("GET", "/api/v1/plugins/fixture-echo/status").status, 200);
    EXPECT_EQ(state("fixture-dependent"), "stopped") << "it was disabled too";
}

TEST_F(PluginManagerTest, EnablingNeedsRequirementsRunningOrCascade) {
    install({"fixture-echo", "fixture-dependent"});
    start_manager();
    manager->set_enabled("fixture-echo", false, true);
    EXPECT_EQ(api_error([&] { manager->set_enabled("fixture-dependent", true, false); }, 409),
              "plugin_requires_disabled: fixture-dependent requires fixture-echo, which is not running; "
              "enable it first or use cascade");
    auto result = manager->set_enabled("fixture-dependent", true, true);
    EXPECT_EQ(result["state"], "running");
    EXPECT_EQ(state("fixture-echo"), "running");
    EXPECT_EQ(call("GET", "/api/v1/plugins/fixture-dependent/status").status, 200);
}

TEST_F(PluginManagerTest, RefusedAndUnknownPlugins) {
    install();
    start_manager();
    EXPECT_THAT(api_error([&] { manager->set_enabled("fixture-bad-abi", true, true); }, 409),
                HasSubstr("plugin_refused: fixture-bad-abi cannot be enabled: "));
    EXPECT_THAT(api_error([&] { manager->set_enabled("fixture-cycle-a", true, true); }, 409),
                HasSubstr("cycle: fixture-cycle-a -> fixture-cycle-b -> fixture-cycle-a"));
    EXPECT_EQ(api_error([&] { manager->describe("nope"); }, 404), "plugin_not_found: no plugin with id nope");
    EXPECT_EQ(api_error([&] { manager->set_enabled("nope", true, false); }, 404),
              "plugin_not_found: no plugin with id nope");
    EXPECT_EQ(api_error([&] { manager->config("nope"); }, 404), "plugin_not_found: no plugin with id nope");
}

TEST_F(PluginManagerTest, AnExceptionInARouteFaultsOnlyThatPlugin) {
    install({"fixture-echo", "fixture-dependent"});
    start_manager();
    auto failed = call("GET", "/api/v1/plugins/fixture-echo/fail");
    EXPECT_EQ(failed.status, 500);
    EXPECT_EQ(json::parse(failed.body)["error"]["code"], "plugin_faulted");

    auto echo = plugin("fixture-echo");
    EXPECT_EQ(echo["state"], "faulted");
    EXPECT_EQ(echo["reason"], "fixture failure requested");
    EXPECT_EQ(echo["enabled"], true);
    EXPECT_FALSE(router.match("GET", "/api/v1/plugins/fixture-echo/status").route);
    EXPECT_FALSE(websockets.find("/ws/fixture-echo").endpoint);
    EXPECT_TRUE(eventually([&] { return saw("plugin.faulted", "fixture-echo"); }));
    EXPECT_EQ(call("GET", "/api/v1/plugins/fixture-dependent/status").status, 200) << "the others keep serving";

    manager->set_enabled("fixture-echo", true, false);
    EXPECT_EQ(state("fixture-echo"), "running");
    EXPECT_EQ(call("GET", "/api/v1/plugins/fixture-echo/status").status, 200);
}

class PluginManagerSmallQueueTest : public PluginManagerTest {
protected:
    PluginManagerSmallQueueTest() : PluginManagerTest(4) {}
};

TEST_F(PluginManagerSmallQueueTest, FullQueuesCountDropsInTheList) {
    install({"fixture-echo"});
    start_manager();
    // The plugin's strand (its own thread, where its routes run too) is
    // held busy while the events arrive.
    std::promise<void> release;
    auto held = release.get_future().share();
    std::promise<void> holding;
    router.match("GET", "/api/v1/plugins/fixture-echo/status").route->poster([held, &holding] {
        holding.set_value();
        held.wait();
    });
    holding.get_future().wait();
    for (int i = 0; i < 10; ++i) bus.publish("fixture.ping", {{"i", i}}, "test");
    auto stats = manager->describe("fixture-echo")["bus"];
    EXPECT_EQ(stats["dropped"], 6);
    EXPECT_EQ(stats["queued"], 4);
    release.set_value();
    EXPECT_TRUE(eventually([&] { return plugin("fixture-echo")["bus"]["queued"] == 0; }));
    EXPECT_EQ(plugin("fixture-echo")["bus"]["delivered"], 4);
    EXPECT_EQ(call_json("GET", "/api/v1/plugins/fixture-echo/status")["events"], 4);
}

TEST_F(PluginManagerTest, RestartAllStartsAgainFromTheSavedState) {
    install({"fixture-echo", "fixture-throws"});
    start_manager();
    ASSERT_EQ(state("fixture-throws"), "faulted");
    manager->restart_all();
    EXPECT_EQ(state("fixture-echo"), "running");
    EXPECT_EQ(state("fixture-throws"), "faulted") << "tried again, failed again";
    EXPECT_EQ(call("GET", "/api/v1/plugins/fixture-echo/status").status, 200);
}

TEST_F(PluginManagerTest, UnusableManifestsAreListedWithTheFileAndField) {
    install({"fixture-echo"});
    std::filesystem::create_directories(plugins_dir / "broken");
    std::ofstream(plugins_dir / "broken" / "plugin.json") << R"({"id":"broken","name":"B","version":"1"})";
    std::filesystem::create_directories(plugins_dir / "renamed");
    std::ofstream(plugins_dir / "renamed" / "plugin.json")
        << R"({"id":"other","name":"B","version":"1","sdk_abi":"1.0"})";
    std::filesystem::create_directories(plugins_dir / "future");
    std::ofstream(plugins_dir / "future" / "plugin.json")
        << R"({"id":"future","name":"F","version":"1","sdk_abi":"1.9"})";
    std::filesystem::create_directories(plugins_dir / "no-library");
    std::ofstream(plugins_dir / "no-library" / "plugin.json")
        << R"({"id":"no-library","name":"N","version":"1","sdk_abi":"1.0"})";
    start_manager();

    EXPECT_EQ(plugin("broken")["state"], "faulted");
    EXPECT_EQ(plugin("broken")["reason"], (plugins_dir / "broken" / "plugin.json").string() + ": sdk_abi is required");
    EXPECT_THAT(plugin("renamed")["reason"].get<std::string>(),
                HasSubstr("id \"other\" differs from its folder's name \"renamed\""));
    EXPECT_THAT(plugin("future")["reason"].get<std::string>(),
                HasSubstr("sdk_abi says the plugin was built for SDK ABI 1.9 but the host provides 1.1"));
    EXPECT_THAT(plugin("no-library")["reason"].get<std::string>(), HasSubstr("cannot load"));
    EXPECT_THAT(api_error([&] { manager->config("broken"); }, 409), HasSubstr("plugin_refused"));
    EXPECT_EQ(state("fixture-echo"), "running");
}

TEST_F(PluginManagerTest, AMissingPluginsDirectoryIsNotFatal) {
    start_manager();
    EXPECT_EQ(manager->list()["plugins"], json::array());
}

}  // namespace
}  // namespace billing::host
