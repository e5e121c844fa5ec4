// Users managed by an admin through the API of the real host: CRUD, events,
// audit, password resets and disabling.
#include <gtest/gtest.h>

#include <thread>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

const std::string first_password = "awal-budi-2026";

nlohmann::json budi() {
    return {{"username", "Budi"},
            {"password", first_password},
            {"role", "operator"},
            {"permissions", {"settings.view"}},
            {"display_name", "Budi Santoso"}};
}

HttpResult login(HttpClient& client, const std::string& username, const std::string& password) {
    return client.post("/api/v1/auth/login", {{"username", username}, {"password", password}});
}

TEST(UsersCrud, CreatesListsShowsUpdatesAndDeletes) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);

    auto created = admin.post("/api/v1/users", budi());
    ASSERT_EQ(created.status, 201) << created.body;
    const auto user = created.json()["user"];
    const auto id = user["id"].get<std::int64_t>();
    EXPECT_EQ(user["username"], "budi");  // lower-cased
    EXPECT_EQ(user["display_name"], "Budi Santoso");
    EXPECT_EQ(user["role"], "operator");
    EXPECT_EQ(user["permissions"], nlohmann::json({"settings.view"}));
    EXPECT_EQ(user["disabled"], false);
    EXPECT_EQ(user["must_change_password"], true);
    EXPECT_TRUE(user["created_at"].get<std::string>().ends_with("Z"));
    EXPECT_TRUE(user["updated_at"].is_string());
    EXPECT_EQ(user.size(), 9u) << user;  // nothing more, so no secret

    const auto list = admin.get("/api/v1/users").json()["users"];
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[1], user);
    EXPECT_EQ(admin.get("/api/v1/users/" + std::to_string(id)).json()["user"], user);

    auto updated = admin.put("/api/v1/users/" + std::to_string(id),
                             {{"display_name", "Budi S."}, {"permissions", {"plugins.view", "settings.manage"}}});
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_EQ(updated.json()["user"]["display_name"], "Budi S.");
    EXPECT_EQ(updated.json()["user"]["permissions"], nlohmann::json({"plugins.view", "settings.manage"}));
    EXPECT_EQ(updated.json()["user"]["role"], "operator");
    EXPECT_EQ(admin.put("/api/v1/users/" + std::to_string(id), {{"role", "admin"}}).json()["user"]["role"], "admin");

    auto deleted = admin.del("/api/v1/users/" + std::to_string(id));
    EXPECT_EQ(deleted.status, 204);
    EXPECT_TRUE(deleted.body.empty());
    EXPECT_EQ(admin.get("/api/v1/users/" + std::to_string(id)).error_code(), "user_not_found");
    EXPECT_EQ(admin.del("/api/v1/users/" + std::to_string(id)).status, 404);
    EXPECT_EQ(admin.get("/api/v1/users").json()["users"].size(), 1u);
}

TEST(UsersCrud, UsernamesAreUniqueWhateverTheirCase) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);
    ASSERT_EQ(admin.post("/api/v1/users", budi()).status, 201);
    auto again = budi();
    again["username"] = "BUDI";
    auto taken = admin.post("/api/v1/users", again);
    EXPECT_EQ(taken.status, 409);
    EXPECT_EQ(taken.error_code(), "username_taken");
    EXPECT_EQ(admin.get("/api/v1/users").json()["users"].size(), 2u);
}

TEST(UsersCrud, ChangesArePublishedWithoutSecrets) {
    HostProcess host;
    HttpClient admin(host.port());
    const auto token = admin_token(admin);
    SseClient events(host.port(), "/api/v1/events", {{"Authorization", "Bearer " + token}});
    ASSERT_EQ(events.status(), 200);

    const auto id = admin.post("/api/v1/users", budi()).json()["user"]["id"].get<std::int64_t>();
    auto created = next_event(events, "user.created");
    EXPECT_EQ(created["source"], "host");
    EXPECT_EQ(created["payload"]["username"], "budi");
    EXPECT_FALSE(created["payload"].contains("password_hash"));
    EXPECT_EQ(created.dump().find(first_password), std::string::npos);

    admin.put("/api/v1/users/" + std::to_string(id), {{"password", "sandi-dari-admin"}});
    auto updated = next_event(events, "user.updated");
    EXPECT_EQ(updated["payload"]["id"], id);
    EXPECT_EQ(updated.dump().find("sandi-dari-admin"), std::string::npos);

    admin.del("/api/v1/users/" + std::to_string(id));
    EXPECT_EQ(next_event(events, "user.deleted")["payload"]["id"], id);
}

TEST(UsersCrud, ChangesAreAuditedByTarget) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);
    const auto id = std::to_string(admin.post("/api/v1/users", budi()).json()["user"]["id"].get<std::int64_t>());
    admin.put("/api/v1/users/" + id, {{"display_name", "Budi S."}});
    admin.del("/api/v1/users/" + id);

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    nlohmann::json entries;
    for (;;) {
        entries = admin.get("/api/v1/audit?target=user:" + id).json()["entries"];
        if (entries.size() >= 3 || std::chrono::steady_clock::now() > deadline) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_EQ(entries.size(), 3u) << entries;
    // Newest first.
    EXPECT_EQ(entries[0]["action"], "users.delete");
    EXPECT_EQ(entries[1]["action"], "users.update");
    EXPECT_EQ(entries[2]["action"], "users.create");
    EXPECT_EQ(entries[2]["actor"], "admin");
    EXPECT_EQ(entries[2]["status"], 201);
    EXPECT_EQ(entries.dump().find(first_password), std::string::npos);
}

// A host with a signed-in admin and an operator "budi" without permissions.
class UsersCrudWithOperator : public ::testing::Test {
protected:
    UsersCrudWithOperator() {
        admin_token(admin);
        budi_client.set_token(create_operator(admin, "budi", {}));
        id = std::to_string(admin.get("/api/v1/users").json()["users"][1]["id"].get<std::int64_t>());
    }

    HostProcess host;
    HttpClient admin{host.port()};
    HttpClient budi_client{host.port()};
    std::string id;  // budi's
};

TEST_F(UsersCrudWithOperator, APasswordSetByTheAdminRevokesAndMustBeChanged) {
    ASSERT_EQ(budi_client.get("/api/v1/auth/me").status, 200);

    ASSERT_EQ(admin.put("/api/v1/users/" + id, {{"password", "sandi-dari-admin"}}).status, 200);
    EXPECT_EQ(budi_client.get("/api/v1/auth/me").status, 401);
    EXPECT_EQ(login(budi_client, "budi", kTestPassword).status, 401);
    auto again = login(budi_client, "budi", "sandi-dari-admin");
    ASSERT_EQ(again.status, 200);
    EXPECT_EQ(again.json()["user"]["must_change_password"], true);
}

TEST_F(UsersCrudWithOperator, ADisabledUsersTokenStopsWorking) {
    auto disabled = admin.put("/api/v1/users/" + id, {{"disabled", true}});
    ASSERT_EQ(disabled.status, 200) << disabled.body;
    EXPECT_EQ(disabled.json()["user"]["disabled"], true);
    auto me = budi_client.get("/api/v1/auth/me");
    EXPECT_EQ(me.status, 401);
    EXPECT_EQ(me.error_code(), "unauthorized");
    EXPECT_EQ(login(budi_client, "budi", kTestPassword).error_code(), "invalid_credentials");

    // Enabled again: a new login works, the old token stays revoked.
    ASSERT_EQ(admin.put("/api/v1/users/" + id, {{"disabled", false}}).status, 200);
    EXPECT_EQ(budi_client.get("/api/v1/auth/me").status, 401);
    EXPECT_EQ(login(budi_client, "budi", kTestPassword).status, 200);
}

TEST_F(UsersCrudWithOperator, PermissionChangesApplyAtOnce) {
    EXPECT_EQ(budi_client.get("/api/v1/auth/me").json()["user"]["permissions"], nlohmann::json::array());
    admin.put("/api/v1/users/" + id, {{"permissions", {"settings.manage"}}});
    EXPECT_EQ(budi_client.get("/api/v1/auth/me").json()["user"]["permissions"], nlohmann::json({"settings.manage"}));
}

}  // namespace
}  // namespace billing::test
