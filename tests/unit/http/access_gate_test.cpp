#include "http/access_gate.hpp"

#include <gtest/gtest.h>

#include "auth/authenticator.hpp"

namespace billing::host {
namespace {

// Knows three tokens: an admin's, an operator's and a new user's who must
// still change the password.
class FakeAuthenticator : public Authenticator {
public:
    std::optional<sdk::UserInfo> authenticate(std::string_view token) const override {
        if (token == "admin-token") return sdk::UserInfo{1, "admin", "admin", {}, false};
        if (token == "operator-token") return sdk::UserInfo{2, "kasir", "operator", {"sessions.start"}, false};
        if (token == "new-token") return sdk::UserInfo{3, "baru", "operator", {"sessions.start"}, true};
        return std::nullopt;
    }
};

sdk::HttpRequest request(std::string method, std::string path, std::string authorization = {}) {
    sdk::HttpRequest r;
    r.method = std::move(method);
    r.path = std::move(path);
    if (!authorization.empty()) r.headers["authorization"] = std::move(authorization);
    return r;
}

std::string refusal_code(const AccessGate::Decision& decision) {
    if (!decision.refusal) return "";
    return nlohmann::json::parse(decision.refusal->body)["error"]["code"];
}

class AccessGateTest : public ::testing::Test {
protected:
    FakeAuthenticator authenticator_;
    AccessGate gate_{authenticator_};
};

TEST_F(AccessGateTest, PublicRoutesLetAnyoneInAndIgnoreStaleTokens) {
    auto anonymous = gate_.check(sdk::Access::anyone(), request("GET", "/api/v1/health"), false);
    EXPECT_FALSE(anonymous.refusal);
    EXPECT_FALSE(anonymous.user);

    auto stale = gate_.check(sdk::Access::anyone(), request("POST", "/api/v1/auth/login", "Bearer expired"), false);
    EXPECT_FALSE(stale.refusal);
    EXPECT_FALSE(stale.user);

    auto known = gate_.check(sdk::Access::anyone(), request("GET", "/api/v1/health", "Bearer admin-token"), false);
    ASSERT_TRUE(known.user);
    EXPECT_EQ(known.user->username, "admin");
}

TEST_F(AccessGateTest, SignedInRoutesNeedAValidBearerToken) {
    EXPECT_EQ(refusal_code(gate_.check(sdk::Access::signed_in(), request("GET", "/x"), false)), "unauthorized");
    EXPECT_EQ(refusal_code(gate_.check(sdk::Access::signed_in(), request("GET", "/x", "Bearer forged"), false)),
              "unauthorized");
    EXPECT_EQ(refusal_code(gate_.check(sdk::Access::signed_in(), request("GET", "/x", "Basic admin-token"), false)),
              "unauthorized");
    EXPECT_EQ(refusal_code(gate_.check(sdk::Access::signed_in(), request("GET", "/x", "Bearer "), false)),
              "unauthorized");
    auto in = gate_.check(sdk::Access::signed_in(), request("GET", "/x", "bearer operator-token"), false);
    EXPECT_FALSE(in.refusal);
    EXPECT_EQ(in.user->username, "kasir");
}

TEST_F(AccessGateTest, PermissionAndAdminRoutesAnswerForbidden) {
    auto start = sdk::Access::permitted("sessions.start");
    auto manage = sdk::Access::permitted("plugins.manage");
    EXPECT_FALSE(gate_.check(start, request("GET", "/x", "Bearer operator-token"), false).refusal);
    EXPECT_FALSE(gate_.check(manage, request("GET", "/x", "Bearer admin-token"), false).refusal);

    auto denied = gate_.check(manage, request("GET", "/x", "Bearer operator-token"), false);
    EXPECT_EQ(refusal_code(denied), "forbidden");
    EXPECT_EQ(denied.refusal->status, 403);
    EXPECT_EQ(refusal_code(gate_.check(sdk::Access::admin_only(), request("GET", "/x", "Bearer operator-token"), false)),
              "forbidden");
    EXPECT_EQ(refusal_code(gate_.check(manage, request("GET", "/x"), false)), "unauthorized");
}

TEST_F(AccessGateTest, QueryTokensOnlyWhereAllowed) {
    auto with_query = request("GET", "/api/v1/events");
    with_query.query["token"] = "admin-token";
    EXPECT_EQ(refusal_code(gate_.check(sdk::Access::signed_in(), with_query, false)), "unauthorized");
    auto allowed = gate_.check(sdk::Access::signed_in(), with_query, true);
    EXPECT_FALSE(allowed.refusal);
    EXPECT_EQ(allowed.user->username, "admin");
}

TEST_F(AccessGateTest, AForcedPasswordChangeBlocksOtherMutatingCalls) {
    auto access = sdk::Access::signed_in();
    auto blocked = gate_.check(access, request("POST", "/api/v1/settings", "Bearer new-token"), false);
    EXPECT_EQ(refusal_code(blocked), "password_change_required");
    EXPECT_EQ(blocked.refusal->status, 403);
    EXPECT_EQ(refusal_code(gate_.check(access, request("DELETE", "/api/v1/users/4", "Bearer new-token"), false)),
              "password_change_required");
    EXPECT_FALSE(gate_.check(access, request("POST", "/api/v1/auth/password", "Bearer new-token"), false).refusal);
    EXPECT_FALSE(gate_.check(sdk::Access::anyone(), request("POST", "/api/v1/auth/login", "Bearer new-token"), false)
                     .refusal);
    EXPECT_FALSE(gate_.check(access, request("GET", "/api/v1/auth/me", "Bearer new-token"), false).refusal);
    EXPECT_FALSE(gate_.check(access, request("POST", "/api/v1/settings", "Bearer operator-token"), false).refusal);
}

TEST(IsMutating, EverythingButReadsIsMutating) {
    EXPECT_FALSE(is_mutating("GET"));
    EXPECT_FALSE(is_mutating("HEAD"));
    EXPECT_FALSE(is_mutating("OPTIONS"));
    EXPECT_TRUE(is_mutating("POST"));
    EXPECT_TRUE(is_mutating("PUT"));
    EXPECT_TRUE(is_mutating("PATCH"));
    EXPECT_TRUE(is_mutating("DELETE"));
}

}  // namespace
}  // namespace billing::host
