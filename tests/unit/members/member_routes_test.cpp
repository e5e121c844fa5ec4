#include "members/member_routes.hpp"

#include <gtest/gtest.h>

#include "api/router.hpp"
#include "unit/members/members_fixture.hpp"

namespace billing::host {
namespace {

class MemberRoutesTest : public test::MembersFixture {
protected:
    MemberRoutesTest() {
        register_member_routes(router, [](std::function<void()> job) { job(); }, members, db.database);
        one_hour = fixed_package("1 Jam PS4", 10'000);
    }

    std::shared_ptr<const Route> route(const std::string& method, const std::string& path) {
        auto match = router.match(method, path);
        EXPECT_TRUE(match.route) << method << " " << path;
        return match.route;
    }

    sdk::HttpResponse call(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr,
                           std::map<std::string, std::string> query = {}) {
        auto match = router.match(method, path);
        if (!match.route) return sdk::HttpResponse::error(404, "no_route", path);
        sdk::HttpRequest request;
        request.method = method;
        request.path = path;
        request.path_params = match.params;
        request.query = std::move(query);
        request.body = body.is_null() ? "" : body.dump();
        request.user = sdk::UserInfo{.id = 2, .username = "kasir", .role = "operator", .permissions = {}};
        try {
            return match.route->handler(request);
        } catch (const sdk::ApiError& error) {
            return error.response();
        }
    }
    static nlohmann::json json(const sdk::HttpResponse& response) { return nlohmann::json::parse(response.body); }
    static std::string code(const sdk::HttpResponse& response) { return json(response)["error"]["code"]; }

    std::int64_t create_budi() {
        auto response = call("POST", "/api/v1/members", {{"name", "Budi"}, {"phone", "0812 3456 7890"}});
        EXPECT_EQ(response.status, 201);
        return json(response)["id"];
    }

    Router router;
    Package one_hour;
};

TEST_F(MemberRoutesTest, EachRouteNeedsItsPermissionAndNamesItsAction) {
    struct Expected {
        const char* method;
        const char* path;
        const char* permission;
        const char* action;
    };
    for (const auto& expected : std::initializer_list<Expected>{
             {"GET", "/api/v1/members", "members.view", "members.list"},
             {"POST", "/api/v1/members", "members.manage", "members.create"},
             {"GET", "/api/v1/members/1", "members.view", "members.view"},
             {"PUT", "/api/v1/members/1", "members.manage", "members.update"},
             {"GET", "/api/v1/members/1/balances", "members.view", "members.balances"},
             {"GET", "/api/v1/members/1/history", "members.view", "members.history"},
             {"POST", "/api/v1/members/1/purchases", "members.manage", "members.sell_package"},
             {"POST", "/api/v1/members/1/balance-changes", "members.manage", "members.change_balance"},
             {"GET", "/api/v1/sales", "sales.view", "sales.list"}}) {
        auto found = route(expected.method, expected.path);
        ASSERT_TRUE(found);
        EXPECT_EQ(found->access.kind, sdk::Access::Kind::permission) << expected.path;
        EXPECT_EQ(found->access.permission, expected.permission) << expected.method << " " << expected.path;
        EXPECT_EQ(found->action, expected.action) << expected.method << " " << expected.path;
    }
}

TEST_F(MemberRoutesTest, CreateAnswers201WithTheMemberAndAuditsIt) {
    auto response = call("POST", "/api/v1/members", {{"name", "Budi"}, {"phone", "0812 3456 7890"}, {"notes", "x"}});
    EXPECT_EQ(response.status, 201);
    auto member = json(response);
    EXPECT_EQ(member["phone"], "6281234567890");
    EXPECT_EQ(response.audit_target, "member:" + std::to_string(member["id"].get<std::int64_t>()));
    EXPECT_EQ(response.audit_details, (nlohmann::json{{"fields", {"name", "notes", "phone"}}}));
    // The signed-in user is the actor.
    EXPECT_EQ(recorded_events().back().payload["actor"], "kasir");
}

TEST_F(MemberRoutesTest, BadBodiesAreRefusedWithTheirCodes) {
    create_budi();
    EXPECT_EQ(code(call("POST", "/api/v1/members", {{"name", "Andi"}, {"phone", "+62 812-3456-7890"}})), "phone_taken");
    EXPECT_EQ(call("POST", "/api/v1/members", {{"name", "Andi"}, {"phone", "+62 812-3456-7890"}}).status, 409);
    EXPECT_EQ(code(call("POST", "/api/v1/members", {{"name", "Andi"}, {"phone", "123"}})), "invalid_phone");
    EXPECT_EQ(code(call("POST", "/api/v1/members", nlohmann::json::array())), "invalid_body");
    auto not_json = router.match("POST", "/api/v1/members");
    sdk::HttpRequest request;
    request.body = "{";
    try {
        not_json.route->handler(request);
        FAIL() << "accepted a body that is not JSON";
    } catch (const sdk::ApiError& error) {
        EXPECT_EQ(error.code(), "invalid_json");
    }
}

TEST_F(MemberRoutesTest, AMemberIsReadWithItsBalances) {
    auto id = create_budi();
    call("POST", "/api/v1/members/" + std::to_string(id) + "/purchases", {{"package_id", one_hour.id}, {"units", 2}});
    auto response = call("GET", "/api/v1/members/" + std::to_string(id));
    EXPECT_EQ(response.status, 200);
    auto member = json(response);
    EXPECT_EQ(member["name"], "Budi");
    EXPECT_EQ(member["balances"],
              (nlohmann::json{{{"package_id", one_hour.id}, {"package", "1 Jam PS4"}, {"units", 2}}}));
    EXPECT_EQ(json(call("GET", "/api/v1/members/" + std::to_string(id) + "/balances"))["balances"], member["balances"]);
}

TEST_F(MemberRoutesTest, UnknownOrMalformedMemberIdsAreNotFound) {
    for (const char* path : {"/api/v1/members/99", "/api/v1/members/abc", "/api/v1/members/0",
                             "/api/v1/members/99/balances", "/api/v1/members/99/history"}) {
        auto response = call("GET", path);
        EXPECT_EQ(response.status, 404) << path;
        EXPECT_EQ(code(response), "member_not_found") << path;
    }
    EXPECT_EQ(code(call("PUT", "/api/v1/members/99", {{"name", "X"}})), "member_not_found");
    EXPECT_EQ(code(call("POST", "/api/v1/members/99/purchases", {{"package_id", one_hour.id}})), "member_not_found");
}

TEST_F(MemberRoutesTest, UpdateAuditsTheFieldsSent) {
    auto id = create_budi();
    auto response = call("PUT", "/api/v1/members/" + std::to_string(id), {{"notes", "VIP"}});
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(json(response)["notes"], "VIP");
    EXPECT_EQ(response.audit_target, "member:" + std::to_string(id));
    EXPECT_EQ(response.audit_details, (nlohmann::json{{"fields", {"notes"}}}));
}

TEST_F(MemberRoutesTest, SearchReadsQueryLimitAndOffset) {
    create_budi();
    call("POST", "/api/v1/members", {{"name", "Andi"}, {"phone", "0813 0000 1111"}});
    auto all = json(call("GET", "/api/v1/members"));
    EXPECT_EQ(all["total"], 2);
    EXPECT_EQ(all["members"][0]["name"], "Andi");
    auto found = json(call("GET", "/api/v1/members", nullptr, {{"q", "0812"}}));
    ASSERT_EQ(found["members"].size(), 1u);
    EXPECT_EQ(found["members"][0]["name"], "Budi");
    auto paged = json(call("GET", "/api/v1/members", nullptr, {{"limit", "1"}, {"offset", "1"}}));
    ASSERT_EQ(paged["members"].size(), 1u);
    EXPECT_EQ(paged["members"][0]["name"], "Budi");
    for (auto [name, value] : std::initializer_list<std::pair<const char*, const char*>>{
             {"limit", "0"}, {"limit", "201"}, {"limit", "ten"}, {"offset", "-1"}}) {
        auto response = call("GET", "/api/v1/members", nullptr, {{name, value}});
        EXPECT_EQ(response.status, 400) << name << "=" << value;
        EXPECT_EQ(code(response), "invalid_parameter") << name << "=" << value;
    }
}

TEST_F(MemberRoutesTest, APurchaseAnswers201WithTheSaleAndTheBalanceAndAuditsTheMoney) {
    auto id = create_budi();
    auto response = call("POST", "/api/v1/members/" + std::to_string(id) + "/purchases",
                         {{"package_id", one_hour.id}, {"units", 3}});
    EXPECT_EQ(response.status, 201);
    auto result = json(response);
    EXPECT_EQ(result["sale"]["amount"], 30'000);
    EXPECT_EQ(result["sale"]["operator"], "kasir");
    EXPECT_EQ(result["balance"]["units"], 3);
    EXPECT_EQ(response.audit_target, "member:" + std::to_string(id));
    EXPECT_EQ(response.audit_details, (nlohmann::json{{"sale_id", result["sale"]["id"]},
                                                      {"package_id", one_hour.id},
                                                      {"units", 3},
                                                      {"amount", 30'000}}));
    EXPECT_EQ(code(call("POST", "/api/v1/members/" + std::to_string(id) + "/purchases",
                        {{"package_id", one_hour.id}, {"amount", -5}})),
              "invalid_price");
}

TEST_F(MemberRoutesTest, ABalanceChangeAnswersTheBalanceAndAuditsWhy) {
    auto id = create_budi();
    auto path = "/api/v1/members/" + std::to_string(id) + "/balance-changes";
    auto response = call("POST", path, {{"package_id", one_hour.id}, {"change", 2}, {"reason", "promo"}});
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(json(response), (nlohmann::json{{"balance", {{"package_id", one_hour.id}, {"package", "1 Jam PS4"}, {"units", 2}}}}));
    EXPECT_EQ(response.audit_target, "member:" + std::to_string(id));
    EXPECT_EQ(response.audit_details,
              (nlohmann::json{{"package_id", one_hour.id}, {"change", 2}, {"units", 2}, {"reason", "promo"}}));
    auto refused = call("POST", path, {{"package_id", one_hour.id}, {"change", -3}, {"reason", "typo"}});
    EXPECT_EQ(refused.status, 409);
    EXPECT_EQ(code(refused), "package_not_held");
}

TEST_F(MemberRoutesTest, HistoryPagesWithBeforeIdAndLimit) {
    auto id = create_budi();
    auto path = "/api/v1/members/" + std::to_string(id);
    for (int i = 0; i < 3; ++i)
        call("POST", path + "/balance-changes", {{"package_id", one_hour.id}, {"change", 1}, {"reason", "promo"}});
    auto first = json(call("GET", path + "/history", nullptr, {{"limit", "2"}}));
    ASSERT_EQ(first["entries"].size(), 2u);
    auto rest = json(call("GET", path + "/history", nullptr,
                          {{"before_id", std::to_string(first["next_before_id"].get<std::int64_t>())}}));
    ASSERT_EQ(rest["entries"].size(), 1u);
    EXPECT_TRUE(rest["next_before_id"].is_null());
    EXPECT_EQ(code(call("GET", path + "/history", nullptr, {{"limit", "501"}})), "invalid_parameter");
    EXPECT_EQ(code(call("GET", path + "/history", nullptr, {{"before_id", "0"}})), "invalid_parameter");
}

TEST_F(MemberRoutesTest, SalesListByDay) {
    auto id = create_budi();
    auto bought = json(call("POST", "/api/v1/members/" + std::to_string(id) + "/purchases", {{"package_id", one_hour.id}}));
    const std::string day = bought["sale"]["business_day"];
    auto sales = json(call("GET", "/api/v1/sales", nullptr, {{"day", day}}));
    ASSERT_EQ(sales["sales"].size(), 1u);
    EXPECT_EQ(sales["sales"][0], bought["sale"]);
    EXPECT_EQ(sales["total_amount"], 10'000);
    EXPECT_TRUE(sales["next_before_id"].is_null());
    EXPECT_TRUE(json(call("GET", "/api/v1/sales", nullptr, {{"day", "2001-01-01"}}))["sales"].empty());
    for (const char* bad : {"2026-02-30", "21-11-2026", "2026-1-1", "today"})
        EXPECT_EQ(code(call("GET", "/api/v1/sales", nullptr, {{"day", bad}})), "invalid_parameter") << bad;
    EXPECT_EQ(code(call("GET", "/api/v1/sales", nullptr, {{"limit", "0"}})), "invalid_parameter");
}

}  // namespace
}  // namespace billing::host
