#include "settings/settings_routes.hpp"

#include <billing/sdk/http.hpp>
#include <gtest/gtest.h>

#include "api/router.hpp"
#include "bus/event_bus.hpp"
#include "settings/settings_store.hpp"
#include "unit/storage/migrated_database.hpp"

namespace billing::host {
namespace {

class SettingsRoutesTest : public ::testing::Test {
protected:
    SettingsRoutesTest() { register_settings_routes(router, [](std::function<void()> job) { job(); }, store); }

    std::shared_ptr<const Route> route(const char* method) {
        auto match = router.match(method, "/api/v1/settings");
        EXPECT_TRUE(match.route) << method;
        return match.route;
    }

    sdk::HttpResponse call(const char* method, std::string body = {}) {
        sdk::HttpRequest request;
        request.method = method;
        request.path = "/api/v1/settings";
        request.body = std::move(body);
        try {
            return route(method)->handler(request);
        } catch (const sdk::ApiError& error) {
            return error.response();
        }
    }

    billing::test::MigratedDatabase db;
    EventBus bus;
    SettingsStore store{db.database, bus};
    Router router;
};

TEST_F(SettingsRoutesTest, ReadingNeedsASignedInUserAndWritingSettingsManage) {
    EXPECT_EQ(route("GET")->access.kind, sdk::Access::Kind::authenticated);
    auto put = route("PUT");
    EXPECT_EQ(put->access.kind, sdk::Access::Kind::permission);
    EXPECT_EQ(put->access.permission, "settings.manage");
    EXPECT_EQ(put->action, "settings.update");
}

TEST_F(SettingsRoutesTest, GetAnswersEverySetting) {
    auto response = call("GET");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(nlohmann::json::parse(response.body), SettingRules::defaults());
}

TEST_F(SettingsRoutesTest, PutAnswersTheNewSettingsAndNamesTheKeysForTheAudit) {
    auto response = call("PUT", R"({"shop_name":"PS Corner"})");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(nlohmann::json::parse(response.body)["shop_name"], "PS Corner");
    EXPECT_EQ(response.audit_target, "settings");
    EXPECT_EQ(response.audit_details, (nlohmann::json{{"keys", {"shop_name"}}}));
}

TEST_F(SettingsRoutesTest, PutRefusesBadBodies) {
    EXPECT_EQ(call("PUT", "{not json").status, 400);
    EXPECT_EQ(call("PUT", "[]").status, 400);
    auto unknown = call("PUT", R"({"colour":"red"})");
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(nlohmann::json::parse(unknown.body)["error"]["code"], "unknown_setting");
    EXPECT_EQ(store.all(), SettingRules::defaults());
}

}  // namespace
}  // namespace billing::host
