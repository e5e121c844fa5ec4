#include "api/router.hpp"

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace billing::host {
namespace {

Route route(std::string method, std::string pattern, std::string owner = "host") {
    Route r;
    r.method = std::move(method);
    r.pattern = std::move(pattern);
    r.action = "test";
    r.owner = std::move(owner);
    r.handler = [](const sdk::HttpRequest&) { return sdk::HttpResponse::ok({}); };
    r.poster = [](std::function<void()> job) { job(); };
    return r;
}

TEST(Router, MatchesExactPathsAndExtractsParameters) {
    Router router;
    router.add(route("GET", "/api/v1/health"));
    router.add(route("GET", "/api/v1/users/{id}/sessions/{session}"));

    auto health = router.match("GET", "/api/v1/health");
    ASSERT_TRUE(health.route);
    EXPECT_EQ(health.route->pattern, "/api/v1/health");
    EXPECT_TRUE(health.params.empty());

    auto nested = router.match("GET", "/api/v1/users/12/sessions/abc");
    ASSERT_TRUE(nested.route);
    EXPECT_EQ(nested.params.at("id"), "12");
    EXPECT_EQ(nested.params.at("session"), "abc");
}

TEST(Router, ParametersNeverMatchEmptyOrMissingSegments) {
    Router router;
    router.add(route("GET", "/api/v1/users/{id}"));
    EXPECT_FALSE(router.match("GET", "/api/v1/users/").route);
    EXPECT_FALSE(router.match("GET", "/api/v1/users").route);
    EXPECT_FALSE(router.match("GET", "/api/v1/users/1/extra").route);
    EXPECT_FALSE(router.match("GET", "/api/v1//1").route);
    EXPECT_FALSE(router.match("GET", "api/v1/users/1").route);
    EXPECT_FALSE(router.match("GET", "").route);
}

TEST(Router, ExactSegmentsBeatParametersWhicheverWasAddedFirst) {
    Router router;
    router.add(route("GET", "/api/v1/users/{id}"));
    router.add(route("GET", "/api/v1/users/me"));
    router.add(route("GET", "/api/v1/{a}/x"));
    router.add(route("GET", "/api/v1/users/{b}/x"));

    EXPECT_EQ(router.match("GET", "/api/v1/users/me").route->pattern, "/api/v1/users/me");
    EXPECT_EQ(router.match("GET", "/api/v1/users/7").route->pattern, "/api/v1/users/{id}");
    // The first segment where they differ decides.
    EXPECT_EQ(router.match("GET", "/api/v1/users/9/x").route->pattern, "/api/v1/users/{b}/x");
}

TEST(Router, HostRoutesBeatPluginRoutes) {
    Router router;
    router.add(route("GET", "/api/v1/plugins/tv/config", "tv"));
    router.add(route("GET", "/api/v1/plugins/{id}/config"));
    EXPECT_EQ(router.match("GET", "/api/v1/plugins/tv/config").route->owner, "host");
}

TEST(Router, ReportsAPathKnownForAnotherMethod) {
    Router router;
    router.add(route("GET", "/api/v1/users/{id}"));
    router.add(route("DELETE", "/api/v1/users/{id}"));

    auto wrong_method = router.match("POST", "/api/v1/users/3");
    EXPECT_FALSE(wrong_method.route);
    EXPECT_TRUE(wrong_method.path_exists);

    auto unknown = router.match("POST", "/api/v1/nothing");
    EXPECT_FALSE(unknown.route);
    EXPECT_FALSE(unknown.path_exists);
}

TEST(Router, RefusesDuplicatesAndMalformedPatterns) {
    Router router;
    router.add(route("GET", "/api/v1/users/{id}"));
    EXPECT_THROW(router.add(route("GET", "/api/v1/users/{other}")), std::invalid_argument);
    EXPECT_NO_THROW(router.add(route("PUT", "/api/v1/users/{id}")));

    for (const char* bad : {"", "api/v1", "/api//v1", "/api/v1/", "/api/{", "/api/{}", "/api/x{id}",
                            "/api/{a}/{a}", "/api/{a{b}}"})
        EXPECT_THROW(router.add(route("GET", bad)), std::invalid_argument) << bad;

    auto no_handler = route("GET", "/api/v1/x");
    no_handler.handler = nullptr;
    EXPECT_THROW(router.add(no_handler), std::invalid_argument);
}

TEST(Router, RemovesOneRouteOrEverythingOfAnOwner) {
    Router router;
    auto first = router.add(route("GET", "/api/v1/plugins/a/one", "a"));
    router.add(route("GET", "/api/v1/plugins/a/two", "a"));
    router.add(route("GET", "/api/v1/plugins/b/one", "b"));

    router.remove(first);
    EXPECT_FALSE(router.match("GET", "/api/v1/plugins/a/one").route);
    EXPECT_TRUE(router.match("GET", "/api/v1/plugins/a/two").route);

    router.remove_owner("a");
    EXPECT_FALSE(router.match("GET", "/api/v1/plugins/a/two").route);
    EXPECT_TRUE(router.match("GET", "/api/v1/plugins/b/one").route);
    // The pattern is free again.
    EXPECT_NO_THROW(router.add(route("GET", "/api/v1/plugins/a/two", "a")));
}

TEST(Router, ListsEveryRouteWithItsAccess) {
    Router router;
    auto admin = route("GET", "/api/v1/audit");
    admin.access = sdk::Access::admin_only();
    router.add(admin);
    router.add(route("POST", "/api/v1/plugins/x/do", "x"));

    auto routes = router.list();
    ASSERT_EQ(routes.size(), 2u);
    EXPECT_EQ(routes[0].pattern, "/api/v1/audit");
    EXPECT_EQ(routes[0].access.kind, sdk::Access::Kind::admin);
    EXPECT_EQ(routes[1].owner, "x");
    EXPECT_EQ(routes[1].method, "POST");
}

TEST(Router, MatchesWhileRoutesComeAndGo) {
    Router router;
    router.add(route("GET", "/api/v1/stable/{id}"));
    std::atomic<bool> done{false};
    std::atomic<int> misses{0};
    std::vector<std::thread> readers;
    for (int i = 0; i < 3; ++i) {
        readers.emplace_back([&] {
            while (!done) {
                if (!router.match("GET", "/api/v1/stable/1").route) ++misses;
                router.match("GET", "/api/v1/plugins/p/x");
            }
        });
    }
    for (int i = 0; i < 2000; ++i) {
        router.add(route("GET", "/api/v1/plugins/p/x", "p"));
        router.remove_owner("p");
    }
    done = true;
    for (auto& reader : readers) reader.join();
    EXPECT_EQ(misses, 0);
}

}  // namespace
}  // namespace billing::host
