// Every host route, called without a token, with a forged token, and by an
// operator without the right: the server refuses each, whatever the
// dashboard shows. A route added to the host belongs in this table.
#include <gtest/gtest.h>

#include <filesystem>

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
};

const RouteCase kRoutes[] = {
    {"GET", "/api/v1/health", Needs::anyone},
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
};

// The fixture plugins plus adb-control and notifications (whose routes are in the table),
// linked into one plugins directory.
std::filesystem::path plugins_for_the_table(const std::filesystem::path& directory) {
    std::vector<std::filesystem::path> folders;
    for (const auto& fixture : std::filesystem::directory_iterator(BILLING_FIXTURE_PLUGIN_DIR))
        if (fixture.is_directory()) folders.push_back(fixture.path());
    for (const char* product : {"adb-control", "notifications"})
        folders.push_back(std::filesystem::path(BILLING_PRODUCT_PLUGIN_DIR) / product);
    return linked_plugins_dir(directory, folders);
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

TEST_F(SecurityAccess, EveryProtectedRouteRefusesRequestsWithoutAToken) {
    HttpClient anonymous(host_->port());
    for (const auto& route : kRoutes) {
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
        for (const auto& route : kRoutes) {
            if (route.needs == Needs::anyone) continue;
            auto result = client.request(route.method, route.target, body_for(route));
            EXPECT_EQ(result.status, 401) << route.method << " " << route.target << " with " << token;
        }
    }
}

TEST_F(SecurityAccess, AnOperatorWithoutGrantsIsRefusedAdminAndPermissionRoutes) {
    HttpClient client(host_->port());
    client.set_token(*operator_token_);
    for (const auto& route : kRoutes) {
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
    for (const auto& granted : {"settings.manage", "plugins.view", "plugins.manage", "fixture.use", "sessions.view",
                                "sessions.start", "sessions.extend", "sessions.stop", "sessions.move",
                                "stations.manage", "packages.manage", "members.view", "members.manage",
                                "sales.view", "tv.control"}) {
        HttpClient client(host_->port());
        client.set_token(create_operator(admin, std::string("op-") + granted, {granted}));
        for (const auto& route : kRoutes) {
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
