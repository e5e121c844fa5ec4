#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <billing/sdk/http.hpp>
#include <soci/soci.h>

#include "auth/user_store.hpp"
#include "storage/migrator.hpp"
#include "support/temp_dir.hpp"
#include "support/thrown_api_error.hpp"

namespace billing::host {
namespace {

using testing::ElementsAre;

using test::error_code_of;

NewUser new_user(const std::string& name, const std::string& role = "operator") {
    return {.username = name,
            .display_name = "User " + name,
            .role = role,
            .permissions = {"settings.view"},
            .password_hash = "$argon2id$hash-of-" + name,
            .must_change_password = true};
}

class UserStoreTest : public testing::Test {
protected:
    UserStoreTest() { Migrator(database).apply("host", host_migrations()); }

    test::TempDir dir;
    Database database{DatabaseOptions{.file = dir.path() / "billing.db"}};
};

TEST_F(UserStoreTest, StartsEmpty) {
    UserStore store(database);
    EXPECT_TRUE(store.empty());
    EXPECT_TRUE(store.list().empty());
}

TEST_F(UserStoreTest, CreatesAndFindsAUser) {
    UserStore store(database);
    const auto created = store.create(new_user("budi"));
    EXPECT_GT(created.id, 0);
    EXPECT_EQ(created.token_version, 0);
    EXPECT_FALSE(created.disabled);
    EXPECT_GT(created.created_at_ms, 0);
    EXPECT_EQ(created.created_at_ms, created.updated_at_ms);

    auto by_id = store.find(created.id);
    ASSERT_TRUE(by_id);
    EXPECT_EQ(by_id->username, "budi");
    EXPECT_EQ(by_id->display_name, "User budi");
    EXPECT_EQ(by_id->role, "operator");
    EXPECT_THAT(by_id->permissions, ElementsAre("settings.view"));
    EXPECT_TRUE(by_id->must_change_password);
    EXPECT_EQ(by_id->password_hash, "$argon2id$hash-of-budi");
    EXPECT_EQ(store.find_by_username("budi")->id, created.id);
    EXPECT_FALSE(store.find_by_username("siti"));
    EXPECT_FALSE(store.find(created.id + 1));
}

TEST_F(UserStoreTest, WritesGoToTheDatabase) {
    const auto id = UserStore(database).create(new_user("budi")).id;
    // A second store reads the file afresh.
    UserStore reopened(database);
    auto user = reopened.find(id);
    ASSERT_TRUE(user);
    EXPECT_EQ(user->username, "budi");
    EXPECT_THAT(user->permissions, ElementsAre("settings.view"));
}

TEST_F(UserStoreTest, RefusesATakenUsernameWhateverItsCase) {
    UserStore store(database);
    store.create(new_user("budi"));
    auto shouting = new_user("budi");
    shouting.username = "BUDI";
    EXPECT_EQ(error_code_of([&] { store.create(new_user("budi")); }), "username_taken");
    EXPECT_EQ(error_code_of([&] { store.create(shouting); }), "username_taken");
    EXPECT_EQ(store.list().size(), 1u);
}

TEST_F(UserStoreTest, UpdatesOnlyTheGivenFields) {
    UserStore store(database);
    const auto created = store.create(new_user("budi"));
    const auto updated = store.update(created.id, {.display_name = "Budi Santoso", .permissions = std::vector<std::string>{}});
    EXPECT_EQ(updated.display_name, "Budi Santoso");
    EXPECT_TRUE(updated.permissions.empty());
    EXPECT_EQ(updated.role, "operator");
    EXPECT_EQ(updated.password_hash, created.password_hash);
    EXPECT_EQ(updated.token_version, created.token_version);
    EXPECT_GE(updated.updated_at_ms, created.updated_at_ms);

    UserStore reopened(database);
    EXPECT_EQ(reopened.find(created.id)->display_name, "Budi Santoso");
    EXPECT_TRUE(reopened.find(created.id)->permissions.empty());
}

TEST_F(UserStoreTest, RevokingMovesTheTokenVersionOn) {
    UserStore store(database);
    const auto id = store.create(new_user("budi")).id;
    EXPECT_EQ(store.update(id, {.password_hash = "$argon2id$new", .revoke_tokens = true}).token_version, 1);
    EXPECT_EQ(store.update(id, {.disabled = true, .revoke_tokens = true}).token_version, 2);
    EXPECT_EQ(store.update(id, {.display_name = "no revocation"}).token_version, 2);
    EXPECT_EQ(UserStore(database).find(id)->token_version, 2);
}

TEST_F(UserStoreTest, ActiveUserNeedsAnEnabledUserAtTheTokensVersion) {
    UserStore store(database);
    const auto id = store.create(new_user("budi")).id;
    auto active = store.active_user(id, 0);
    ASSERT_TRUE(active);
    EXPECT_EQ(active->username, "budi");
    EXPECT_TRUE(active->must_change_password);
    EXPECT_FALSE(store.active_user(id, 1));
    EXPECT_FALSE(store.active_user(id + 1, 0));

    store.update(id, {.password_hash = "$argon2id$new", .revoke_tokens = true});
    EXPECT_FALSE(store.active_user(id, 0));
    EXPECT_TRUE(store.active_user(id, 1));

    store.update(id, {.disabled = true});
    EXPECT_FALSE(store.active_user(id, 1));
}

TEST_F(UserStoreTest, ReloadAfterARestoreRevokesTokensOfTheLiveAndTheRestoredVersions) {
    UserStore store(database);
    const auto id = store.create(new_user("budi")).id;
    // Revoked twice live (version 2); the "restored" file still says version 0.
    store.update(id, {.revoke_tokens = true});
    store.update(id, {.revoke_tokens = true});
    database.write([&](soci::session& session) {
        const long long user_id = id;
        session << "UPDATE users SET token_version = 0 WHERE id = :id", soci::use(user_id);
    });

    store.reload_revoking_tokens();

    for (std::int64_t version : {0, 1, 2}) EXPECT_FALSE(store.active_user(id, version)) << version;
    EXPECT_TRUE(store.active_user(id, 3));
    EXPECT_EQ(UserStore(database).find(id)->token_version, 3) << "written to the database too";
}

TEST_F(UserStoreTest, RemovesAUser) {
    UserStore store(database);
    const auto id = store.create(new_user("budi")).id;
    store.remove(id);
    EXPECT_FALSE(store.find(id));
    EXPECT_FALSE(UserStore(database).find(id));
    EXPECT_EQ(error_code_of([&] { store.remove(id); }), "user_not_found");
    EXPECT_EQ(error_code_of([&] { store.update(id, {.display_name = "x"}); }), "user_not_found");
}

TEST_F(UserStoreTest, KeepsAnEnabledAdmin) {
    UserStore store(database);
    const auto admin = store.create(new_user("admin", "admin")).id;
    store.create(new_user("budi"));
    EXPECT_EQ(error_code_of([&] { store.update(admin, {.disabled = true}); }), "last_admin");
    EXPECT_EQ(error_code_of([&] { store.update(admin, {.role = "operator"}); }), "last_admin");
    EXPECT_EQ(error_code_of([&] { store.remove(admin); }), "last_admin");
    EXPECT_TRUE(store.find(admin)->is_enabled_admin());
    EXPECT_TRUE(UserStore(database).find(admin)->is_enabled_admin());

    // With a second enabled admin the first may go.
    const auto second = store.create(new_user("siti", "admin")).id;
    store.update(admin, {.disabled = true});
    EXPECT_EQ(error_code_of([&] { store.remove(second); }), "last_admin");
    store.remove(admin);
    EXPECT_FALSE(store.find(admin));
}

TEST_F(UserStoreTest, ReloadSeesChangesMadeBehindItsBack) {
    UserStore store(database);
    const auto id = store.create(new_user("budi")).id;
    database.write([&](soci::session& session) {
        const long long user_id = id;
        session << "UPDATE users SET display_name = 'restored', token_version = 9 WHERE id = :id", soci::use(user_id);
    });
    EXPECT_EQ(store.find(id)->display_name, "User budi");  // memory is authoritative for reads
    store.reload();
    EXPECT_EQ(store.find(id)->display_name, "restored");
    EXPECT_TRUE(store.active_user(id, 9));
}

TEST_F(UserStoreTest, AMalformedPermissionsColumnGrantsNothing) {
    UserStore store(database);
    const auto id = store.create(new_user("budi")).id;
    database.write([&](soci::session& session) {
        const long long user_id = id;
        session << "UPDATE users SET permissions = '{\"not\":\"a list\"}' WHERE id = :id", soci::use(user_id);
    });
    store.reload();
    EXPECT_TRUE(store.find(id)->permissions.empty());
}

TEST_F(UserStoreTest, JsonHasNoSecrets) {
    UserStore store(database);
    const auto shown = store.create(new_user("budi")).to_json();
    EXPECT_FALSE(shown.contains("password_hash"));
    EXPECT_FALSE(shown.contains("token_version"));
    EXPECT_EQ(shown["username"], "budi");
    EXPECT_EQ(shown["must_change_password"], true);
    EXPECT_EQ(shown["disabled"], false);
    EXPECT_TRUE(shown["created_at"].get<std::string>().ends_with("Z"));
    EXPECT_EQ(shown.size(), 9u);
}

}  // namespace
}  // namespace billing::host
