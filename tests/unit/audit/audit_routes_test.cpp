#include "audit/audit_routes.hpp"

#include <gtest/gtest.h>

#include "api/router.hpp"
#include "audit/audit_log.hpp"
#include "unit/storage/migrated_database.hpp"

namespace billing::host {
namespace {

class AuditRoutesTest : public ::testing::Test {
protected:
    AuditRoutesTest() { register_audit_routes(router, [](std::function<void()> job) { job(); }, audit); }

    sdk::HttpResponse get(std::map<std::string, std::string> query) {
        auto match = router.match("GET", "/api/v1/audit");
        EXPECT_TRUE(match.route);
        sdk::HttpRequest request;
        request.method = "GET";
        request.path = "/api/v1/audit";
        request.query = std::move(query);
        try {
            return match.route->handler(request);
        } catch (const sdk::ApiError& error) {
            return error.response();
        }
    }

    billing::test::MigratedDatabase db;
    AuditLog audit{db.database};
    Router router;
};

TEST_F(AuditRoutesTest, IsForAdminsOnly) {
    auto match = router.match("GET", "/api/v1/audit");
    ASSERT_TRUE(match.route);
    EXPECT_EQ(match.route->access.kind, sdk::Access::Kind::admin);
}

TEST_F(AuditRoutesTest, AnswersTheFilteredPage) {
    AuditRecord record;
    record.at_ms = 1000;
    record.actor = "admin";
    record.action = "users.create";
    audit.record(record);
    record.at_ms = 2000;
    record.actor = "kasir";
    record.action = "sessions.start";
    audit.record(record);
    auto response = get({{"actor", "kasir"}, {"from", "1970-01-01T00:00:01.500Z"}, {"limit", "10"}});
    ASSERT_EQ(response.status, 200);
    auto body = nlohmann::json::parse(response.body);
    ASSERT_EQ(body["entries"].size(), 1u);
    EXPECT_EQ(body["entries"][0]["action"], "sessions.start");
    EXPECT_TRUE(body["next_before_id"].is_null());
}

TEST_F(AuditRoutesTest, ABadFilterIsA400NamingTheParameter) {
    auto response = get({{"from", "yesterday"}});
    EXPECT_EQ(response.status, 400);
    auto error = nlohmann::json::parse(response.body)["error"];
    EXPECT_EQ(error["code"], "invalid_parameter");
    EXPECT_TRUE(error["message"].get<std::string>().starts_with("from ")) << error["message"];
}

}  // namespace
}  // namespace billing::host
