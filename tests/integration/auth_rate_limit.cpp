// Login rate limiting per username and per address, against the real host.
#include <gtest/gtest.h>

#include <thread>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

HttpResult login(HttpClient& client, const std::string& username, const std::string& password) {
    return client.post("/api/v1/auth/login", {{"username", username}, {"password", password}});
}

void expect_throttled(const HttpResult& result) {
    EXPECT_EQ(result.status, 429) << result.body;
    EXPECT_EQ(result.error_code(), "too_many_attempts");
    ASSERT_TRUE(result.headers.contains("retry-after"));
    const auto seconds = std::stoi(result.headers.at("retry-after"));
    EXPECT_GE(seconds, 1);
    EXPECT_LE(seconds, 300);
}

TEST(AuthRateLimit, FiveWrongPasswordsLockTheUsernameForAWhile) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);
    create_operator(admin, "budi", {});  // budi's password is now kTestPassword

    HttpClient client(host.port());
    for (int i = 0; i < 5; ++i) EXPECT_EQ(login(client, "budi", "wrong-password").status, 401);
    expect_throttled(login(client, "budi", "wrong-password"));
    // The right password must wait too, or guessing would go on.
    expect_throttled(login(client, "budi", kTestPassword));
    expect_throttled(login(client, "BUDI", kTestPassword));
    // Other accounts are not locked by budi's failures.
    EXPECT_EQ(login(client, "admin", kTestPassword).status, 200);
}

TEST(AuthRateLimit, UnknownUsernamesAreLimitedLikeKnownOnes) {
    HostProcess host;
    HttpClient client(host.port());
    for (int i = 0; i < 5; ++i) EXPECT_EQ(login(client, "ghost", "wrong-password").status, 401);
    expect_throttled(login(client, "ghost", "wrong-password"));
}

TEST(AuthRateLimit, AnAddressTryingManyUsernamesIsLimited) {
    HostProcess host;
    HttpClient client(host.port());
    for (int i = 0; i < 20; ++i)
        EXPECT_EQ(login(client, "guess" + std::to_string(i), "wrong-password").status, 401) << i;
    expect_throttled(login(client, "guess-new", "wrong-password"));
    expect_throttled(login(client, "admin", "ikbal"));
}

TEST(AuthRateLimit, ThrottledAttemptsAreAudited) {
    HostProcess host;
    HttpClient client(host.port());
    for (int i = 0; i < 6; ++i) login(client, "ghost", "wrong-password");

    // The limit is per username: admin can still sign in to read the trail.
    HttpClient admin(host.port());
    admin_token(admin);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    nlohmann::json entries;
    for (;;) {
        entries = admin.get("/api/v1/audit?action=auth.login&status=429").json()["entries"];
        if (!entries.empty() || std::chrono::steady_clock::now() > deadline) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0]["target"], "user:ghost");
}

}  // namespace
}  // namespace billing::test
