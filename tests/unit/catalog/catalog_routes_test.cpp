#include "catalog/catalog_routes.hpp"

#include <gmock/gmock.h>

#include "api/router.hpp"
#include "unit/catalog/catalog_fixture.hpp"

namespace billing::host::test {
namespace {

class CatalogRoutesTest : public CatalogTest {
protected:
    CatalogRoutesTest() {
        register_catalog_routes(router, [](std::function<void()> job) { job(); }, stations, packages);
    }

    std::shared_ptr<const Route> route(const std::string& method, const std::string& path) {
        auto match = router.match(method, path);
        EXPECT_TRUE(match.route) << method << " " << path;
        return match.route;
    }

    sdk::HttpResponse call(const std::string& method, const std::string& target, std::string body = {}) {
        sdk::HttpRequest request;
        request.method = method;
        const auto question = target.find('?');
        request.path = target.substr(0, question);
        if (question != std::string::npos) {
            const auto query = target.substr(question + 1);
            const auto equals = query.find('=');
            request.query[query.substr(0, equals)] = query.substr(equals + 1);
        }
        request.body = std::move(body);
        request.user = sdk::UserInfo{.id = 2, .username = "kasir", .role = "operator", .permissions = {}};
        auto match = router.match(method, request.path);
        if (!match.route) {
            ADD_FAILURE() << "no route for " << method << " " << request.path;
            return {};
        }
        request.path_params = match.params;
        try {
            return match.route->handler(request);
        } catch (const sdk::ApiError& error) {
            return error.response();
        }
    }

    static nlohmann::json json_of(const sdk::HttpResponse& response) { return nlohmann::json::parse(response.body); }
    static std::string error_of(const sdk::HttpResponse& response) {
        return json_of(response)["error"]["code"].get<std::string>();
    }

    Router router;
};

TEST_F(CatalogRoutesTest, EachRouteHasItsPermissionAndAuditAction) {
    struct Expected {
        std::string method, path;
        sdk::Access::Kind kind;
        std::string permission, action;
    };
    using Kind = sdk::Access::Kind;
    const std::vector<Expected> routes = {
        {"POST", "/api/v1/stations", Kind::permission, "stations.manage", "stations.create"},
        {"PUT", "/api/v1/stations/1", Kind::permission, "stations.manage", "stations.update"},
        {"DELETE", "/api/v1/stations/1", Kind::permission, "stations.manage", "stations.delete"},
        {"GET", "/api/v1/packages", Kind::authenticated, "", "packages.view"},
        {"GET", "/api/v1/packages/1", Kind::authenticated, "", "packages.view"},
        {"POST", "/api/v1/packages", Kind::permission, "packages.manage", "packages.create"},
        {"PUT", "/api/v1/packages/1", Kind::permission, "packages.manage", "packages.update"},
    };
    for (const auto& expected : routes) {
        auto found = route(expected.method, expected.path);
        if (!found) continue;
        EXPECT_EQ(found->access.kind, expected.kind) << expected.path;
        EXPECT_EQ(found->access.permission, expected.permission) << expected.path;
        EXPECT_EQ(found->action, expected.action) << expected.path;
    }
    // The station board's reads belong to the sessions module.
    EXPECT_FALSE(router.match("GET", "/api/v1/stations").route);
    EXPECT_FALSE(router.match("GET", "/api/v1/stations/1").route);
    EXPECT_FALSE(router.match("DELETE", "/api/v1/packages/1").route) << "packages are retired, never deleted";
}

TEST_F(CatalogRoutesTest, PostStationAnswers201WithTheStationAndAuditsIt) {
    auto response = call("POST", "/api/v1/stations", R"({"code":"tv01","console_type":"PS4"})");
    ASSERT_EQ(response.status, 201) << response.body;
    auto body = json_of(response);
    EXPECT_EQ(body["code"], "TV01");
    EXPECT_EQ(body, nlohmann::json(stations.get(body["id"])));
    EXPECT_EQ(response.audit_target, "station:" + std::to_string(body["id"].get<std::int64_t>()));
    EXPECT_EQ(response.audit_details, (nlohmann::json{{"code", "TV01"}, {"console_type", "PS4"}}));
    EXPECT_EQ(events_seen().back().payload["actor"], "kasir");
}

TEST_F(CatalogRoutesTest, PutStationAnswersTheStationAndAuditsWhatChanged) {
    auto tv = station("TV01");
    auto response = call("PUT", "/api/v1/stations/" + std::to_string(tv.id), R"({"name":"Pojok","enabled":true})");
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(json_of(response)["name"], "Pojok");
    EXPECT_EQ(response.audit_target, "station:" + std::to_string(tv.id));
    EXPECT_EQ(response.audit_details, (nlohmann::json{{"changed", {"name"}}}));
    EXPECT_EQ(events_seen().back().payload["actor"], "kasir");
}

TEST_F(CatalogRoutesTest, DeleteStationAnswers204) {
    auto tv = station("TV01");
    auto response = call("DELETE", "/api/v1/stations/" + std::to_string(tv.id));
    EXPECT_EQ(response.status, 204);
    EXPECT_TRUE(response.body.empty());
    EXPECT_EQ(response.audit_target, "station:" + std::to_string(tv.id));
    EXPECT_EQ(response.audit_details, (nlohmann::json{{"code", "TV01"}}));
    EXPECT_FALSE(stations.find(tv.id));
}

TEST_F(CatalogRoutesTest, StationRoutesAnswerErrorsInTheOneShape) {
    station("TV01");
    const auto before = state();
    EXPECT_EQ(error_of(call("POST", "/api/v1/stations", "{not json")), "invalid_json");
    EXPECT_EQ(error_of(call("POST", "/api/v1/stations", "[]")), "invalid_body");
    auto taken = call("POST", "/api/v1/stations", R"({"code":"TV01","console_type":"PS4"})");
    EXPECT_EQ(taken.status, 409);
    EXPECT_EQ(error_of(taken), "station_code_taken");
    auto unknown = call("PUT", "/api/v1/stations/99", R"({"name":"x"})");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(error_of(unknown), "station_not_found");
    EXPECT_EQ(error_of(call("PUT", "/api/v1/stations/abc", R"({"name":"x"})")), "station_not_found");
    EXPECT_EQ(error_of(call("DELETE", "/api/v1/stations/-1")), "station_not_found");
    EXPECT_EQ(state(), before);
}

TEST_F(CatalogRoutesTest, GetPackagesFiltersByActive) {
    auto active = fixed();
    auto retired = open_play();
    packages.update(retired.id, {{"active", false}}, "admin");
    auto ids = [&](const std::string& target) {
        auto response = call("GET", target);
        EXPECT_EQ(response.status, 200) << target;
        std::vector<std::int64_t> result;
        const auto body = json_of(response);
        for (const auto& package : body["packages"]) result.push_back(package["id"]);
        return result;
    };
    EXPECT_THAT(ids("/api/v1/packages"), testing::ElementsAre(active.id, retired.id));
    EXPECT_THAT(ids("/api/v1/packages?active=all"), testing::ElementsAre(active.id, retired.id));
    EXPECT_THAT(ids("/api/v1/packages?active=true"), testing::ElementsAre(active.id));
    EXPECT_THAT(ids("/api/v1/packages?active=false"), testing::ElementsAre(retired.id));
    auto bad = call("GET", "/api/v1/packages?active=yes");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(error_of(bad), "invalid_parameter");
}

TEST_F(CatalogRoutesTest, GetPackageAnswersOneOr404) {
    auto package = fixed();
    auto response = call("GET", "/api/v1/packages/" + std::to_string(package.id));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(json_of(response), nlohmann::json(package));
    EXPECT_EQ(error_of(call("GET", "/api/v1/packages/77")), "package_not_found");
    EXPECT_EQ(error_of(call("GET", "/api/v1/packages/x")), "package_not_found");
}

TEST_F(CatalogRoutesTest, PostAndPutPackageAnswerThePackageAndAuditIt) {
    auto created = call("POST", "/api/v1/packages",
                        R"({"name":"1 jam","console_type":"PS4","kind":"fixed","duration_minutes":60,"price":10000})");
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = json_of(created)["id"].get<std::int64_t>();
    EXPECT_EQ(created.audit_target, "package:" + std::to_string(id));
    EXPECT_EQ(created.audit_details, (nlohmann::json{{"name", "1 jam"}, {"kind", "fixed"}, {"price", 10000}}));

    auto updated = call("PUT", "/api/v1/packages/" + std::to_string(id), R"({"price":11000,"active":false})");
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_EQ(json_of(updated)["price"], 11000);
    EXPECT_EQ(updated.audit_target, "package:" + std::to_string(id));
    EXPECT_EQ(updated.audit_details, (nlohmann::json{{"changed", {"active", "price"}}}));
    EXPECT_EQ(events_seen().back().payload["actor"], "kasir");

    auto negative = call("PUT", "/api/v1/packages/" + std::to_string(id), R"({"price":-1})");
    EXPECT_EQ(negative.status, 400);
    EXPECT_EQ(error_of(negative), "invalid_price");
    auto locked = call("PUT", "/api/v1/packages/" + std::to_string(id), R"({"kind":"open"})");
    EXPECT_EQ(locked.status, 409);
    EXPECT_EQ(error_of(locked), "package_kind_locked");
}

}  // namespace
}  // namespace billing::host::test
