// GET /api/v1/audit on the real host: every mutating request is listed,
// filters and paging work, bad filters are refused, bodies are not stored.
#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

void expect_error(const HttpResult& result, int status, const std::string& code) {
    EXPECT_EQ(result.status, status) << result.body;
    EXPECT_EQ(result.error_code(), code) << result.body;
}

nlohmann::json entries(HttpClient& client, const std::string& query) {
    auto result = client.get("/api/v1/audit" + query);
    EXPECT_EQ(result.status, 200) << result.body;
    return result.status == 200 ? result.json()["entries"] : nlohmann::json::array();
}

class AuditApi : public ::testing::Test {
protected:
    AuditApi() {
        admin_token(admin);
        EXPECT_EQ(admin.put("/api/v1/settings", {{"shop_name", "Audited Shop"}}).status, 200);
        EXPECT_EQ(admin.put("/api/v1/settings", {{"shop_name", ""}}).status, 400);
    }

    HostProcess host;
    HttpClient admin{host.port()};
};

TEST_F(AuditApi, ListsEveryMutatingRequestNewestFirst) {
    auto all = entries(admin, "");
    ASSERT_GE(all.size(), 4u);  // login, password change, two settings updates
    EXPECT_EQ(all[0]["action"], "settings.update");
    EXPECT_EQ(all[0]["status"], 400);
    EXPECT_EQ(all[1]["action"], "settings.update");
    EXPECT_EQ(all[1]["status"], 200);
    EXPECT_EQ(all[1]["actor"], "admin");
    EXPECT_EQ(all[1]["target"], "settings");
    EXPECT_EQ(all[1]["method"], "PUT");
    EXPECT_EQ(all[1]["path"], "/api/v1/settings");
    EXPECT_EQ(all[1]["remote_address"], "127.0.0.1");
    EXPECT_TRUE(all[1]["at"].get<std::string>().ends_with("Z"));
    EXPECT_GT(all[0]["id"].get<long long>(), all[1]["id"].get<long long>());

    bool saw_login = false;
    for (const auto& entry : all) saw_login = saw_login || entry["path"] == "/api/v1/auth/login";
    EXPECT_TRUE(saw_login);
    // GET requests are not recorded; request bodies never are.
    for (const auto& entry : all) EXPECT_NE(entry["method"], "GET");
    EXPECT_EQ(all.dump().find(kTestPassword), std::string::npos);
    EXPECT_EQ(all.dump().find("ikbal\""), std::string::npos);
}

TEST_F(AuditApi, FiltersAndPages) {
    auto updates = entries(admin, "?action=settings.update");
    ASSERT_EQ(updates.size(), 2u);
    auto failed = entries(admin, "?action=settings.update&status=400");
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(failed[0]["id"], updates[0]["id"]);
    EXPECT_TRUE(entries(admin, "?actor=nobody").empty());
    EXPECT_EQ(entries(admin, "?target=settings").size(), 1u);
    EXPECT_TRUE(entries(admin, "?from=2999-01-01T00:00:00.000Z").empty());
    EXPECT_EQ(entries(admin, "?to=" + updates[0]["at"].get<std::string>() + "&action=settings.update").size(), 2u);

    auto first = admin.get("/api/v1/audit?action=settings.update&limit=1").json();
    ASSERT_EQ(first["entries"].size(), 1u);
    ASSERT_TRUE(first["next_before_id"].is_number_integer()) << first;
    auto second = admin.get("/api/v1/audit?action=settings.update&limit=1&before_id=" +
                            std::to_string(first["next_before_id"].get<long long>()))
                      .json();
    ASSERT_EQ(second["entries"].size(), 1u);
    EXPECT_EQ(second["entries"][0]["id"], updates[1]["id"]);
    EXPECT_TRUE(second["next_before_id"].is_null()) << second;
}

TEST_F(AuditApi, BadFiltersAreRefusedNamingTheParameter) {
    auto bad_from = admin.get("/api/v1/audit?from=yesterday");
    expect_error(bad_from, 400, "invalid_parameter");
    EXPECT_TRUE(bad_from.json()["error"]["message"].get<std::string>().starts_with("from ")) << bad_from.body;
    expect_error(admin.get("/api/v1/audit?limit=0"), 400, "invalid_parameter");
    expect_error(admin.get("/api/v1/audit?limit=501"), 400, "invalid_parameter");
    expect_error(admin.get("/api/v1/audit?before_id=abc"), 400, "invalid_parameter");
    expect_error(admin.get("/api/v1/audit?status=1000"), 400, "invalid_parameter");
}

TEST_F(AuditApi, OnlyAdminsMayRead) {
    HttpClient kasir(host.port());
    kasir.set_token(create_operator(admin, "kasir", {"settings.manage", "plugins.manage"}));
    expect_error(kasir.get("/api/v1/audit"), 403, "forbidden");
    HttpClient anonymous(host.port());
    expect_error(anonymous.get("/api/v1/audit"), 401, "unauthorized");
}

}  // namespace
}  // namespace billing::test
