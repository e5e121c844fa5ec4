// Plugin configuration through the API on the real host: validated against
// the manifest's schema, applied live, saved, audited.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

void expect_error(const HttpResult& result, int status, const std::string& code) {
    EXPECT_EQ(result.status, status) << result.body;
    EXPECT_EQ(result.error_code(), code) << result.body;
}

class PluginsConfig : public ::testing::Test {
protected:
    PluginsConfig() { admin_token(admin); }

    std::string greeting() { return admin.get("/api/v1/plugins/fixture-echo/status").json()["greeting"]; }

    HostProcess host{[] {
        HostOptions options;
        options.fixture_plugins = true;
        return options;
    }()};
    HttpClient admin{host.port()};
};

TEST_F(PluginsConfig, ReadsTheConfigurationWithDefaultsAndTheSchema) {
    auto result = admin.get("/api/v1/plugins/fixture-echo/config");
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(result.json()["config"], json::parse(R"({"greeting":"halo","max_items":10})"));
    EXPECT_EQ(result.json()["schema"]["properties"]["max_items"]["maximum"], 100);
    expect_error(admin.get("/api/v1/plugins/nope/config"), 404, "plugin_not_found");
}

TEST_F(PluginsConfig, InvalidConfigurationsNameTheFieldAndChangeNothing) {
    auto too_small = admin.put("/api/v1/plugins/fixture-echo/config", {{"max_items", 0}});
    expect_error(too_small, 400, "invalid_config");
    EXPECT_THAT(too_small.body, HasSubstr("$.max_items must be at least 1"));
    auto unknown = admin.put("/api/v1/plugins/fixture-echo/config", {{"greeting", "hai"}, {"colour", "red"}});
    expect_error(unknown, 400, "invalid_config");
    EXPECT_THAT(unknown.body, HasSubstr("$.colour is not allowed"));
    expect_error(admin.put("/api/v1/plugins/fixture-echo/config", {{"greeting", 5}}), 400, "invalid_config");
    expect_error(admin.put("/api/v1/plugins/fixture-echo/config", json::array()), 400, "invalid_body");
    // The plugin itself may refuse a valid configuration.
    expect_error(admin.put("/api/v1/plugins/fixture-echo/config", {{"greeting", "refuse"}}), 400, "greeting_refused");
    EXPECT_EQ(greeting(), "halo");
    EXPECT_EQ(admin.get("/api/v1/plugins/fixture-echo/config").json()["config"]["greeting"], "halo");
}

TEST_F(PluginsConfig, AValidConfigurationIsAppliedLiveSavedAndAudited) {
    auto result = admin.put("/api/v1/plugins/fixture-echo/config", {{"greeting", "hai"}, {"max_items", 1}});
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(result.json()["config"], json::parse(R"({"greeting":"hai","max_items":1})"));
    EXPECT_EQ(greeting(), "hai") << "applied without a restart";
    EXPECT_EQ(admin.post("/api/v1/plugins/fixture-echo/items", {{"text", "satu"}}).status, 201);
    expect_error(admin.post("/api/v1/plugins/fixture-echo/items", {{"text", "dua"}}), 409, "too_many_items");

    auto audit = admin.get("/api/v1/audit?action=plugins.configure");
    ASSERT_EQ(audit.status, 200) << audit.body;
    ASSERT_EQ(audit.json()["entries"].size(), 1u) << audit.body;
    EXPECT_EQ(audit.json()["entries"][0]["target"], "plugin:fixture-echo");

    ASSERT_EQ(host.stop(), 0) << host.log();
    host.start();
    admin_token(admin);
    EXPECT_EQ(greeting(), "hai") << "saved";
}

TEST_F(PluginsConfig, ViewersReadManagersWrite) {
    HttpClient viewer(host.port());
    viewer.set_token(create_operator(admin, "pengamat", {"plugins.view"}));
    EXPECT_EQ(viewer.get("/api/v1/plugins/fixture-echo/config").status, 200);
    expect_error(viewer.put("/api/v1/plugins/fixture-echo/config", {{"greeting", "hai"}}), 403, "forbidden");
    HttpClient manager(host.port());
    manager.set_token(create_operator(admin, "pengelola", {"plugins.view", "plugins.manage"}));
    EXPECT_EQ(manager.put("/api/v1/plugins/fixture-echo/config", {{"greeting", "hai"}}).status, 200);
}

}  // namespace
}  // namespace billing::test
