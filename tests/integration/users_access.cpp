// Who may manage users, self-protection of admins and bad input on every
// auth route family of the real host.
#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

const std::map<std::string, std::string> json_type = {{"Content-Type", "application/json"}};

void expect_error(const HttpResult& result, int status, const std::string& code) {
    EXPECT_EQ(result.status, status) << result.body;
    EXPECT_EQ(result.error_code(), code) << result.body;
}

TEST(UsersAccess, OperatorsAreForbiddenFromUsers) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);
    HttpClient budi(host.port());
    budi.set_token(create_operator(admin, "budi", {"settings.view", "settings.manage", "plugins.manage"}));

    expect_error(budi.get("/api/v1/users"), 403, "forbidden");
    expect_error(budi.get("/api/v1/users/1"), 403, "forbidden");
    expect_error(budi.post("/api/v1/users", {{"username", "siti"}, {"password", "awal-siti-2026"}, {"role", "admin"}}),
                 403, "forbidden");
    expect_error(budi.put("/api/v1/users/1", {{"disabled", true}}), 403, "forbidden");
    expect_error(budi.del("/api/v1/users/1"), 403, "forbidden");

    auto me = budi.get("/api/v1/auth/me");
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(me.json()["user"]["role"], "operator");
    auto permissions = budi.get("/api/v1/permissions");
    ASSERT_EQ(permissions.status, 200);
    const auto listed = permissions.json()["permissions"];
    bool found = false;
    for (const auto& permission : listed) {
        EXPECT_TRUE(permission.contains("label"));
        found = found || (permission["name"] == "settings.manage" && permission["owner"] == "host");
    }
    EXPECT_TRUE(found) << listed;

    // Nothing changed for admin.
    const auto users = admin.get("/api/v1/users").json()["users"];
    EXPECT_EQ(users.size(), 2u);
    EXPECT_EQ(users[0]["disabled"], false);

    HttpClient anonymous(host.port());
    expect_error(anonymous.get("/api/v1/users"), 401, "unauthorized");
    expect_error(anonymous.get("/api/v1/permissions"), 401, "unauthorized");
    expect_error(anonymous.get("/api/v1/auth/me"), 401, "unauthorized");
}

TEST(UsersAccess, AdminsCannotDisableDemoteOrDeleteThemselves) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);
    const auto self = std::to_string(admin.get("/api/v1/auth/me").json()["user"]["id"].get<std::int64_t>());

    expect_error(admin.put("/api/v1/users/" + self, {{"disabled", true}}), 409, "cannot_change_self");
    expect_error(admin.put("/api/v1/users/" + self, {{"role", "operator"}}), 409, "cannot_change_self");
    expect_error(admin.del("/api/v1/users/" + self), 409, "cannot_change_self");
    EXPECT_EQ(admin.put("/api/v1/users/" + self, {{"display_name", "Pemilik"}}).status, 200);
    const auto me = admin.get("/api/v1/auth/me").json()["user"];
    EXPECT_EQ(me["role"], "admin");
    EXPECT_EQ(me["disabled"], false);
}

TEST(UsersAccess, ASecondAdminCanRetireTheFirstButThereIsAlwaysOne) {
    HostProcess host;
    HttpClient first(host.port());
    admin_token(first);
    const auto first_id = std::to_string(first.get("/api/v1/auth/me").json()["user"]["id"].get<std::int64_t>());
    ASSERT_EQ(first.post("/api/v1/users", {{"username", "pemilik"}, {"password", "awal-pemilik-2026"}, {"role", "admin"}})
                  .status,
              201);
    HttpClient second(host.port());
    auto session = second.post("/api/v1/auth/login", {{"username", "pemilik"}, {"password", "awal-pemilik-2026"}});
    second.set_token(session.json()["token"]);
    auto changed =
        second.post("/api/v1/auth/password", {{"current_password", "awal-pemilik-2026"}, {"new_password", kTestPassword}});
    ASSERT_EQ(changed.status, 200) << changed.body;
    second.set_token(changed.json()["token"]);
    const auto second_id = std::to_string(changed.json()["user"]["id"].get<std::int64_t>());

    ASSERT_EQ(second.put("/api/v1/users/" + first_id, {{"disabled", true}}).status, 200);
    EXPECT_EQ(first.get("/api/v1/auth/me").status, 401);
    // The one enabled admin left cannot retire itself.
    expect_error(second.put("/api/v1/users/" + second_id, {{"disabled", true}}), 409, "cannot_change_self");
    expect_error(second.del("/api/v1/users/" + second_id), 409, "cannot_change_self");
    EXPECT_EQ(second.del("/api/v1/users/" + first_id).status, 204);
    EXPECT_EQ(second.get("/api/v1/users").json()["users"].size(), 1u);
}

TEST(UsersAccess, BadInputForCreateIsRefusedAndChangesNothing) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);
    const nlohmann::json good = {{"username", "budi"},
                                 {"password", "awal-budi-2026"},
                                 {"role", "operator"},
                                 {"permissions", {"settings.view"}},
                                 {"display_name", "Budi"}};
    auto with = [&](const char* field, const nlohmann::json& value) {
        auto body = good;
        body[field] = value;
        return admin.post("/api/v1/users", body);
    };
    auto without = [&](const char* field) {
        auto body = good;
        body.erase(field);
        return admin.post("/api/v1/users", body);
    };

    expect_error(admin.request("POST", "/api/v1/users", "{\"username\":", json_type), 400, "invalid_json");
    expect_error(admin.request("POST", "/api/v1/users", "[1,2]", json_type), 400, "invalid_body");
    expect_error(with("username", 5), 400, "invalid_field");
    expect_error(with("username", "a b"), 400, "invalid_field");
    expect_error(with("username", "ab"), 400, "invalid_field");
    expect_error(with("username", std::string(10000, 'x')), 400, "invalid_field");
    expect_error(with("role", 5), 400, "invalid_field");
    expect_error(with("role", "root"), 400, "invalid_field");
    expect_error(with("permissions", "settings.view"), 400, "invalid_field");
    expect_error(with("permissions", {1}), 400, "invalid_field");
    expect_error(with("permissions", {"settings.view", "root.everything"}), 400, "unknown_permission");
    expect_error(with("display_name", std::string(81, 'x')), 400, "invalid_field");
    expect_error(with("display_name", 42), 400, "invalid_field");
    expect_error(with("password", "short"), 400, "weak_password");
    expect_error(with("password", "BUDI"), 400, "weak_password");
    expect_error(with("is_admin", true), 400, "unknown_field");
    expect_error(without("role"), 400, "missing_field");
    expect_error(without("password"), 400, "missing_field");
    expect_error(without("username"), 400, "missing_field");

    // None of them created a user; the good body does.
    EXPECT_EQ(admin.get("/api/v1/users").json()["users"].size(), 1u);
    EXPECT_EQ(admin.post("/api/v1/users", good).status, 201);
    EXPECT_EQ(admin.get("/api/v1/users").json()["users"].size(), 2u);
}

TEST(UsersAccess, BadInputForUpdateAndDeleteIsRefusedAndChangesNothing) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);
    create_operator(admin, "budi", {"settings.view"});
    const auto before = admin.get("/api/v1/users").json()["users"][1];
    const auto target = "/api/v1/users/" + std::to_string(before["id"].get<std::int64_t>());

    expect_error(admin.request("PUT", target, "{\"disabled\":tru", json_type), 400, "invalid_json");
    expect_error(admin.request("PUT", target, "\"text\"", json_type), 400, "invalid_body");
    expect_error(admin.put(target, {{"disabled", "yes"}}), 400, "invalid_field");
    expect_error(admin.put(target, {{"role", "root"}}), 400, "invalid_field");
    expect_error(admin.put(target, {{"display_name", 5}}), 400, "invalid_field");
    expect_error(admin.put(target, {{"permissions", {"root.everything"}}}), 400, "unknown_permission");
    expect_error(admin.put(target, {{"permissions", {"plugins.view"}}, {"role", "superuser"}}), 400, "invalid_field");
    expect_error(admin.put(target, {{"username", "siti"}}), 400, "unknown_field");
    expect_error(admin.put(target, {{"password", "short"}}), 400, "weak_password");
    expect_error(admin.put(target, {{"password", "budi"}}), 400, "weak_password");
    for (const char* id : {"abc", "0", "-1", "99999", "1.5"}) {
        expect_error(admin.put(std::string("/api/v1/users/") + id, {{"display_name", "x"}}), 404, "user_not_found");
        expect_error(admin.del(std::string("/api/v1/users/") + id), 404, "user_not_found");
        expect_error(admin.get(std::string("/api/v1/users/") + id), 404, "user_not_found");
    }

    EXPECT_EQ(admin.get(target).json()["user"], before);
    EXPECT_EQ(admin.get("/api/v1/users").json()["users"].size(), 2u);
}

}  // namespace
}  // namespace billing::test
