// Every route, called without a token, with a forged token, and by an
// operator without the right: the server refuses each, whatever the
// dashboard shows. The table must hold every route the host serves (GET
// /api/v1/routes), with the access it declares: a route added without a
// row, or with other access than its row says, fails the first test.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <set>

#include "support/plugin_folders.hpp"
#include "support/test_support.hpp"

namespace billing::test {
namespace {

enum class Needs { anyone, signed_in, permission, admin };

struct RouteCase {
    const char* method;
    const char* target;
    Needs needs;
    const char* permission = "";
    bool called = true;  // false: checked against the route list only (it faults its plugin on purpose)
};

const RouteCase kRoutes[] = {
    {"GET", "/api/v1/health", Needs::anyone},
    {"GET", "/api/v1/routes", Needs::admin},
    {"POST", "/api/v1/auth/login", Needs::anyone},
    {"GET", "/api/v1/auth/me", Needs::signed_in},
    {"POST", "/api/v1/auth/password", Needs::signed_in},
    {"GET", "/api/v1/permissions", Needs::signed_in},
    {"GET", "/api/v1/users", Needs::admin},
    {"POST", "/api/v1/users", Needs::admin},
    {"GET", "/api/v1/users/1", Needs::admin},
    {"PUT", "/api/v1/users/1", Needs::admin},
    {"DELETE", "/api/v1/users/1", Needs::admin},
    {"GET", "/api/v1/audit", Needs::admin},
    {"GET", "/api/v1/settings", Needs::signed_in},
    {"PUT", "/api/v1/settings", Needs::permission, "settings.manage"},
    {"GET", "/api/v1/backup", Needs::admin},
    {"POST", "/api/v1/restore", Needs::admin},
    {"GET", "/api/v1/plugins", Needs::permission, "plugins.view"},
    {"GET", "/api/v1/web-pages", Needs::signed_in},
    {"GET", "/api/v1/plugins/fixture-echo", Needs::permission, "plugins.view"},
    {"PUT", "/api/v1/plugins/fixture-echo", Needs::permission, "plugins.manage"},
    {"GET", "/api/v1/plugins/fixture-echo/config", Needs::permission, "plugins.view"},
    {"PUT", "/api/v1/plugins/fixture-echo/config", Needs::permission, "plugins.manage"},
    {"GET", "/api/v1/plugins/fixture-echo/status", Needs::signed_in},
    {"GET", "/api/v1/plugins/fixture-echo/fail", Needs::signed_in, "", false},
    {"POST", "/api/v1/plugins/fixture-echo/items", Needs::permission, "fixture.use"},
    {"POST", "/api/v1/plugins/fixture-echo/publish", Needs::admin},
    {"GET", "/api/v1/stations", Needs::permission, "sessions.view"},
    {"GET", "/api/v1/stations/1", Needs::permission, "sessions.view"},
    {"POST", "/api/v1/stations", Needs::permission, "stations.manage"},
    {"PUT", "/api/v1/stations/1", Needs::permission, "stations.manage"},
    {"DELETE", "/api/v1/stations/1", Needs::permission, "stations.manage"},
    {"GET", "/api/v1/packages", Needs::signed_in},
    {"GET", "/api/v1/packages/1", Needs::signed_in},
    {"POST", "/api/v1/packages", Needs::permission, "packages.manage"},
    {"PUT", "/api/v1/packages/1", Needs::permission, "packages.manage"},
    {"GET", "/api/v1/members", Needs::permission, "members.view"},
    {"POST", "/api/v1/members", Needs::permission, "members.manage"},
    {"GET", "/api/v1/members/1", Needs::permission, "members.view"},
    {"PUT", "/api/v1/members/1", Needs::permission, "members.manage"},
    {"GET", "/api/v1/members/1/balances", Needs::permission, "members.view"},
    {"GET", "/api/v1/members/1/history", Needs::permission, "members.view"},
    {"POST", "/api/v1/members/1/purchases", Needs::permission, "members.manage"},
    {"POST", "/api/v1/members/1/balance-changes", Needs::permission, "members.manage"},
    {"GET", "/api/v1/sales", Needs::permission, "sales.view"},
    {"GET", "/api/v1/business-days", Needs::permission, "sales.view"},
    {"GET", "/api/v1/business-days/2026-11-21", Needs::permission, "sales.view"},
    {"GET", "/api/v1/session-log", Needs::permission, "sessions.view"},
    {"GET", "/api/v1/sessions", Needs::permission, "sessions.view"},
    {"GET", "/api/v1/sessions/1", Needs::permission, "sessions.view"},
    {"POST", "/api/v1/sessions", Needs::permission, "sessions.start"},
    {"POST", "/api/v1/sessions/1/extend", Needs::permission, "sessions.extend"},
    {"POST", "/api/v1/sessions/1/pause", Needs::permission, "sessions.extend"},
    {"POST", "/api/v1/sessions/1/resume", Needs::permission, "sessions.extend"},
    {"POST", "/api/v1/sessions/1/move", Needs::permission, "sessions.move"},
    {"POST", "/api/v1/sessions/1/stop", Needs::permission, "sessions.stop"},
    {"GET", "/api/v1/plugins/adb-control/status", Needs::permission, "tv.control"},
    {"GET", "/api/v1/plugins/adb-control/stations/1", Needs::permission, "tv.control"},
    {"POST", "/api/v1/plugins/adb-control/stations/1/wake", Needs::permission, "tv.control"},
    {"POST", "/api/v1/plugins/adb-control/stations/1/sleep", Needs::permission, "tv.control"},
    {"POST", "/api/v1/plugins/adb-control/stations/1/volume-up", Needs::permission, "tv.control"},
    {"POST", "/api/v1/plugins/adb-control/stations/1/volume-down", Needs::permission, "tv.control"},
    {"POST", "/api/v1/plugins/adb-control/stations/1/mute", Needs::permission, "tv.control"},
    {"POST", "/api/v1/plugins/adb-control/stations/1/set-volume", Needs::permission, "tv.control"},
    {"POST", "/api/v1/plugins/adb-control/stations/1/hdmi", Needs::permission, "tv.control"},
    {"POST", "/api/v1/plugins/adb-control/stations/1/kiosk", Needs::permission, "tv.control"},
    {"POST", "/api/v1/plugins/adb-control/stations/1/read-screen", Needs::permission, "tv.control"},
    {"POST", "/api/v1/plugins/adb-control/stations/1/reconnect", Needs::permission, "tv.control"},
    {"POST", "/api/v1/plugins/adb-control/refresh", Needs::permission, "tv.control"},
    {"GET", "/api/v1/plugins/notifications/notifications", Needs::permission, "sessions.view"},
    {"POST", "/api/v1/plugins/notifications/notifications/1/read", Needs::permission, "sessions.view"},
    {"POST", "/api/v1/plugins/notifications/notifications/read-all", Needs::permission, "sessions.view"},
    {"GET", "/api/v1/plugins/tv-websocket/devices", Needs::permission, "tv.manage"},
    {"POST", "/api/v1/plugins/tv-websocket/pairings", Needs::permission, "tv.manage"},
    {"POST", "/api/v1/plugins/tv-websocket/devices/1/pair", Needs::permission, "tv.manage"},
    {"POST", "/api/v1/plugins/tv-websocket/devices/1/unpair", Needs::permission, "tv.manage"},
    {"POST", "/api/v1/plugins/tv-websocket/devices/1/revoke", Needs::permission, "tv.manage"},
    {"DELETE", "/api/v1/plugins/tv-websocket/devices/1", Needs::permission, "tv.manage"},
    {"POST", "/api/v1/plugins/tv-websocket/login-nonces/redeem", Needs::permission, "tv.manage"},
};

// Whether `target` (a row's path, ids filled in) is a path of `pattern`
// (`/api/v1/users/{id}`).
bool target_fits(const std::string& target, const std::string& pattern) {
    auto segments = [](const std::string& path) {
        std::vector<std::string> parts;
        std::size_t start = 0;
        for (std::size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1)
            parts.push_back(path.substr(start, slash - start));
        parts.push_back(path.substr(start));
        return parts;
    };
    const auto targets = segments(target), patterns = segments(pattern);
    if (targets.size() != patterns.size()) return false;
    for (std::size_t i = 0; i < targets.size(); ++i)
        if (patterns[i] != targets[i] && !patterns[i].starts_with("{")) return false;
    return true;
}

// The row's access in the words of GET /api/v1/routes.
nlohmann::json access_of(const RouteCase& route) {
    switch (route.needs) {
        case Needs::anyone: return {{"kind", "anyone"}};
        case Needs::signed_in: return {{"kind", "signed_in"}};
        case Needs::permission: return {{"kind", "permission"}, {"permission", route.permission}};
        case Needs::admin: return {{"kind", "admin"}};
    }
    return nullptr;
}

// The product plugins and fixture-echo (for the plugin config routes),
// linked into one plugins directory: their routes are in the table.
std::filesystem::path plugins_for_the_table(const std::filesystem::path& directory) {
    std::vector<std::filesystem::path> folders = {std::filesystem::path(BILLING_FIXTURE_PLUGIN_DIR) / "fixture-echo"};
    for (const char* product : {"adb-control", "notifications", "tv-websocket"})
        folders.push_back(std::filesystem::path(BILLING_PRODUCT_PLUGIN_DIR) / product);
    return linked_plugins_dir(directory, folders);
}

// The rows the tests below call.
std::vector<RouteCase> called_routes() {
    std::vector<RouteCase> routes;
    std::copy_if(std::begin(kRoutes), std::end(kRoutes), std::back_inserter(routes),
                 [](const RouteCase& route) { return route.called; });
    return routes;
}

class SecurityAccess : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        plugins_ = new TempDir();
        HostOptions options;
        options.plugins_dir = plugins_for_the_table(plugins_->path());
        host_ = new HostProcess(options);
        HttpClient admin(host_->port());
        admin_token(admin);
        operator_token_ = new std::string(create_operator(admin, "kasir", {}));
    }
    static void TearDownTestSuite() {
        delete operator_token_;
        delete host_;
        delete plugins_;
    }
    // A body the route would accept in shape, so only access decides.
    static std::string body_for(const RouteCase& route) {
        return std::string(route.method) == "GET" || std::string(route.method) == "DELETE" ? "" : "{}";
    }

    static TempDir* plugins_;
    static HostProcess* host_;
    static std::string* operator_token_;
};
TempDir* SecurityAccess::plugins_ = nullptr;
HostProcess* SecurityAccess::host_ = nullptr;
std::string* SecurityAccess::operator_token_ = nullptr;

TEST_F(SecurityAccess, TheTableHoldsEveryRouteWithItsDeclaredAccess) {
    HttpClient admin(host_->port());
    admin_token(admin);
    auto served = admin.get("/api/v1/routes");
    ASSERT_EQ(served.status, 200) << served.body;
    const auto routes = served.json().at("routes");
    for (const auto& route : routes) {
        const auto method = route.at("method").get<std::string>();
        const auto path = route.at("path").get<std::string>();
        const auto row = std::find_if(std::begin(kRoutes), std::end(kRoutes), [&](const RouteCase& candidate) {
            return candidate.method == method && target_fits(candidate.target, path);
        });
        if (row == std::end(kRoutes)) {
            ADD_FAILURE() << method << " " << path << " (from " << route.at("owner") << ") has no row in kRoutes";
            continue;
        }
        EXPECT_EQ(access_of(*row), route.at("access")) << method << " " << path;
    }
    // And no row names a route that is gone.
    for (const auto& row : kRoutes) {
        const bool served_now = std::any_of(routes.begin(), routes.end(), [&](const nlohmann::json& route) {
            return route.at("method") == row.method && target_fits(row.target, route.at("path"));
        });
        EXPECT_TRUE(served_now) << row.method << " " << row.target << " is in kRoutes but not served";
    }
}

TEST_F(SecurityAccess, EveryProtectedRouteRefusesRequestsWithoutAToken) {
    HttpClient anonymous(host_->port());
    for (const auto& route : called_routes()) {
        if (route.needs == Needs::anyone) continue;
        auto result = anonymous.request(route.method, route.target, body_for(route));
        EXPECT_EQ(result.status, 401) << route.method << " " << route.target << ": " << result.body;
        EXPECT_EQ(result.error_code(), "unauthorized") << route.target;
    }
}

TEST_F(SecurityAccess, EveryProtectedRouteRefusesForgedTokens) {
    // The operator's real token with its payload changed, and one claiming alg "none".
    auto dot = operator_token_->find('.');
    auto forged_payload = operator_token_->substr(0, dot) +
                          ".eyJzdWIiOiIxIiwibmFtZSI6ImFkbWluIiwicm9sZSI6ImFkbWluIiwidmVyIjowLCJleHAiOjQxMDI0NDQ4MDB9" +
                          operator_token_->substr(operator_token_->rfind('.'));
    auto alg_none = std::string("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0") +
                    ".eyJzdWIiOiIxIiwibmFtZSI6ImFkbWluIiwicm9sZSI6ImFkbWluIiwidmVyIjowLCJleHAiOjQxMDI0NDQ4MDB9.";
    for (const auto& token : {forged_payload, alg_none}) {
        HttpClient client(host_->port());
        client.set_token(token);
        for (const auto& route : called_routes()) {
            if (route.needs == Needs::anyone) continue;
            auto result = client.request(route.method, route.target, body_for(route));
            EXPECT_EQ(result.status, 401) << route.method << " " << route.target << " with " << token;
        }
    }
}

TEST_F(SecurityAccess, AnOperatorWithoutGrantsIsRefusedAdminAndPermissionRoutes) {
    HttpClient client(host_->port());
    client.set_token(*operator_token_);
    for (const auto& route : called_routes()) {
        auto result = client.request(route.method, route.target, body_for(route));
        if (route.needs == Needs::admin || route.needs == Needs::permission) {
            EXPECT_EQ(result.status, 403) << route.method << " " << route.target << ": " << result.body;
            EXPECT_EQ(result.error_code(), "forbidden") << route.target;
        } else {
            EXPECT_NE(result.status, 401) << route.method << " " << route.target;
            EXPECT_NE(result.status, 403) << route.method << " " << route.target;
        }
    }
}

TEST_F(SecurityAccess, APermissionOpensExactlyItsRoutes) {
    HttpClient admin(host_->port());
    admin_token(admin);
    std::set<std::string> permissions;
    for (const auto& route : called_routes())
        if (route.needs == Needs::permission) permissions.insert(route.permission);
    for (const auto& granted : permissions) {
        HttpClient client(host_->port());
        client.set_token(create_operator(admin, std::string("op-") + granted, {granted}));
        for (const auto& route : called_routes()) {
            if (route.needs != Needs::permission) continue;
            auto result = client.request(route.method, route.target, body_for(route));
            if (std::string(route.permission) == granted)
                EXPECT_NE(result.status, 403) << granted << " should open " << route.method << " " << route.target;
            else
                EXPECT_EQ(result.status, 403) << granted << " should not open " << route.method << " " << route.target;
        }
    }
}

TEST_F(SecurityAccess, TheEventStreamNeedsAToken) {
    SseClient anonymous(host_->port(), "/api/v1/events");
    EXPECT_EQ(anonymous.status(), 401);
    SseClient forged(host_->port(), "/api/v1/events?token=not.a.token");
    EXPECT_EQ(forged.status(), 401);
}

}  // namespace
}  // namespace billing::test
