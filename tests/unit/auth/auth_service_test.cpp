#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <deque>

#include <billing/sdk/topics.hpp>

#include "auth/auth_service.hpp"
#include "auth/permission_catalog.hpp"
#include "bus/event_bus.hpp"
#include "core/clock.hpp"
#include "storage/migrator.hpp"
#include "support/temp_dir.hpp"
#include "support/thrown_api_error.hpp"

namespace billing::host {
namespace {

using namespace std::chrono_literals;

const std::string address = "10.0.0.5";
const std::string good_password = "rahasia-uji-123";

using test::error_code_of;

// The host database with its schema, ready before the service loads users.
struct MigratedDatabase : Database {
    explicit MigratedDatabase(const std::filesystem::path& file) : Database(DatabaseOptions{.file = file}) {
        Migrator(*this).apply("host", host_migrations());
    }
};

class AuthServiceTest : public testing::Test {
protected:
    AuthServiceTest() {
        bus.subscribe("test", "user.*", [this](const sdk::Event& event) { received.push_back(event); },
                      [this](std::function<void()> work) { pending.push_back(std::move(work)); });
    }

    AuthOptions options(PasswordCost cost = PasswordCost::minimum()) {
        return {.data_dir = dir.path(),
                .token_lifetime = 24h,
                .throttle = {},
                .password_cost = cost,
                .throttle_clock = [this] { return now; }};
    }

    // Hands the bus's queued deliveries to the subscriber.
    std::vector<sdk::Event> published() {
        while (!pending.empty()) {
            auto work = std::move(pending.front());
            pending.pop_front();
            work();
        }
        return std::exchange(received, {});
    }

    // A signed-in admin other than the default one, and an operator.
    std::int64_t admin_id() { return auth.login("admin", "ikbal", address).user.id; }
    UserRecord make_operator(const std::string& name) {
        return auth.create_user({.username = name, .password = good_password, .role = "operator",
                                 .display_name = "Kasir", .permissions = {"settings.view"}});
    }

    test::TempDir dir;
    std::chrono::steady_clock::time_point now{std::chrono::hours(1000)};
    MigratedDatabase database{dir.path() / "billing.db"};
    EventBus bus;
    PermissionCatalog permissions;
    std::deque<std::function<void()>> pending;
    std::vector<sdk::Event> received;
    AuthService auth{database, bus, permissions, options()};
};

class AuthServiceWithAdminTest : public AuthServiceTest {
protected:
    AuthServiceWithAdminTest() { auth.ensure_default_admin(); }
};

TEST_F(AuthServiceTest, CreatesTheDefaultAdminOnFirstRunOnly) {
    auth.ensure_default_admin();
    auth.ensure_default_admin();
    const auto users = auth.users();
    ASSERT_EQ(users.size(), 1u);
    EXPECT_EQ(users[0].username, "admin");
    EXPECT_EQ(users[0].role, "admin");
    EXPECT_TRUE(users[0].must_change_password);
    EXPECT_EQ(auth.login("admin", "ikbal", address).user.id, users[0].id);
}

TEST_F(AuthServiceTest, KeepsTheJwtSecretInTheDataDirectory) {
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "jwt.secret"));
}

TEST_F(AuthServiceWithAdminTest, IssuesATokenThatAuthenticates) {
    const auto issued = auth.login("admin", "ikbal", address);
    EXPECT_FALSE(issued.token.empty());
    auto user = auth.authenticate(issued.token);
    ASSERT_TRUE(user);
    EXPECT_EQ(user->username, "admin");
    EXPECT_TRUE(user->is_admin());
    EXPECT_TRUE(user->must_change_password);

    const auto json = issued.to_json();
    EXPECT_EQ(json["token"], issued.token);
    EXPECT_EQ(json["user"]["username"], "admin");
    EXPECT_TRUE(json["expires_at"].get<std::string>().ends_with("Z"));
    // 24 hours from now, give or take the test's own run time.
    const auto lifetime_ms = issued.expires_at_ms - now_ms();
    EXPECT_GT(lifetime_ms, 23 * 3600 * 1000LL);
    EXPECT_LE(lifetime_ms, 24 * 3600 * 1000LL);
}

TEST_F(AuthServiceWithAdminTest, UsernamesAreCaseInsensitiveAtLogin) {
    EXPECT_NO_THROW(auth.login("ADMIN", "ikbal", address));
}

TEST_F(AuthServiceWithAdminTest, WrongPasswordAndUnknownUserFailAlike) {
    EXPECT_EQ(error_code_of([&] { auth.login("admin", "wrong", address); }), "invalid_credentials");
    EXPECT_EQ(error_code_of([&] { auth.login("nobody", "ikbal", address); }), "invalid_credentials");
    EXPECT_EQ(error_code_of([&] { auth.login("", "", address); }), "invalid_credentials");
}

TEST_F(AuthServiceWithAdminTest, RejectsForeignAndMalformedTokens) {
    EXPECT_FALSE(auth.authenticate(""));
    EXPECT_FALSE(auth.authenticate("not.a.token"));
    // Another host's token (another data directory, so another secret).
    test::TempDir other_dir;
    MigratedDatabase other_database{other_dir.path() / "billing.db"};
    AuthService other(other_database, bus, permissions, {.data_dir = other_dir.path(), .password_cost = PasswordCost::minimum()});
    other.ensure_default_admin();
    EXPECT_FALSE(auth.authenticate(other.login("admin", "ikbal", address).token));
}

TEST_F(AuthServiceWithAdminTest, ThrottlesRepeatedFailures) {
    for (int i = 0; i < 5; ++i) EXPECT_EQ(error_code_of([&] { auth.login("admin", "wrong", address); }), "invalid_credentials");
    try {
        auth.login("admin", "ikbal", address);  // even the right password waits
        FAIL() << "a sixth attempt was allowed";
    } catch (const TooManyAttempts& error) {
        EXPECT_EQ(error.status(), 429);
        EXPECT_EQ(error.retry_after(), 300s);
    }
    now += 300s;
    EXPECT_NO_THROW(auth.login("admin", "ikbal", address));
}

TEST_F(AuthServiceWithAdminTest, ThrottlesUnknownUsernamesToo) {
    for (int i = 0; i < 5; ++i) EXPECT_THROW(auth.login("ghost", "wrong", address), sdk::ApiError);
    EXPECT_THROW(auth.login("ghost", "wrong", address), TooManyAttempts);
}

TEST_F(AuthServiceWithAdminTest, PasswordChangeRevokesOlderTokens) {
    const auto first = auth.login("admin", "ikbal", address);
    const auto second = auth.login("admin", "ikbal", address);
    const auto changed = auth.change_password(first.user.id, "ikbal", good_password, address);

    EXPECT_FALSE(auth.authenticate(first.token));
    EXPECT_FALSE(auth.authenticate(second.token));
    auto user = auth.authenticate(changed.token);
    ASSERT_TRUE(user);
    EXPECT_FALSE(user->must_change_password);
    EXPECT_FALSE(changed.user.must_change_password);

    EXPECT_EQ(error_code_of([&] { auth.login("admin", "ikbal", address); }), "invalid_credentials");
    EXPECT_NO_THROW(auth.login("admin", good_password, address));

    const auto events = published();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].topic, sdk::topics::user_updated);
    EXPECT_EQ(events[0].source, "host");
    EXPECT_EQ(events[0].payload["must_change_password"], false);
    EXPECT_FALSE(events[0].payload.contains("password_hash"));
}

TEST_F(AuthServiceWithAdminTest, PasswordChangeChecksBothPasswords) {
    const auto id = admin_id();
    EXPECT_EQ(error_code_of([&] { auth.change_password(id, "wrong", good_password, address); }), "invalid_credentials");
    EXPECT_EQ(error_code_of([&] { auth.change_password(id, "ikbal", "short", address); }), "weak_password");
    EXPECT_EQ(error_code_of([&] { auth.change_password(id, "ikbal", "ikbal", address); }), "weak_password");
    EXPECT_EQ(error_code_of([&] { auth.change_password(id, "ikbal", "Admin", address); }), "weak_password");
    EXPECT_EQ(error_code_of([&] { auth.change_password(id, good_password, good_password, address); }), "weak_password");
    // Nothing changed: the old password still works.
    EXPECT_TRUE(auth.login("admin", "ikbal", address).user.must_change_password);
    EXPECT_TRUE(published().empty());
}

TEST_F(AuthServiceWithAdminTest, PasswordChangeGuessesAreThrottled) {
    const auto id = admin_id();
    for (int i = 0; i < 5; ++i) EXPECT_THROW(auth.change_password(id, "wrong", good_password, address), sdk::ApiError);
    EXPECT_THROW(auth.change_password(id, "ikbal", good_password, address), TooManyAttempts);
}

TEST_F(AuthServiceWithAdminTest, CreatedUsersMustChangeTheirPassword) {
    const auto created = make_operator("budi");
    EXPECT_TRUE(created.must_change_password);
    EXPECT_EQ(created.display_name, "Kasir");
    const auto login = auth.login("budi", good_password, address);
    auto user = auth.authenticate(login.token);
    ASSERT_TRUE(user);
    EXPECT_FALSE(user->is_admin());
    EXPECT_TRUE(user->has("settings.view"));
    EXPECT_FALSE(user->has("plugins.manage"));

    const auto events = published();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].topic, sdk::topics::user_created);
    EXPECT_EQ(events[0].payload["username"], "budi");
    EXPECT_FALSE(events[0].payload.contains("password_hash"));
}

TEST_F(AuthServiceWithAdminTest, RefusesWeakAndDuplicateNewUsers) {
    make_operator("budi");
    EXPECT_EQ(error_code_of([&] { make_operator("budi"); }), "username_taken");
    EXPECT_EQ(error_code_of([&] { auth.create_user({.username = "siti", .password = "siti", .role = "operator"}); }),
              "weak_password");
    EXPECT_EQ(error_code_of([&] { auth.create_user({.username = "sitinurhaliza", .password = "SitiNurhaliza", .role = "operator"}); }),
              "weak_password");
    EXPECT_EQ(auth.users().size(), 2u);
}

TEST_F(AuthServiceWithAdminTest, PermissionChangesApplyToLiveTokens) {
    const auto id = make_operator("budi").id;
    const auto token = auth.login("budi", good_password, address).token;
    auth.update_user(admin_id(), id, {.permissions = std::vector<std::string>{"plugins.view"}});
    auto user = auth.authenticate(token);
    ASSERT_TRUE(user);
    EXPECT_TRUE(user->has("plugins.view"));
    EXPECT_FALSE(user->has("settings.view"));
}

TEST_F(AuthServiceWithAdminTest, DisablingRevokesAndReEnablingDoesNotRestoreOldTokens) {
    const auto id = make_operator("budi").id;
    const auto token = auth.login("budi", good_password, address).token;
    auth.update_user(admin_id(), id, {.disabled = true});
    EXPECT_FALSE(auth.authenticate(token));
    EXPECT_EQ(error_code_of([&] { auth.login("budi", good_password, address); }), "invalid_credentials");

    auth.update_user(admin_id(), id, {.disabled = false});
    EXPECT_FALSE(auth.authenticate(token));
    EXPECT_TRUE(auth.authenticate(auth.login("budi", good_password, address).token));
}

TEST_F(AuthServiceWithAdminTest, APasswordSetByTheAdminRevokesAndMustBeChanged) {
    const auto id = make_operator("budi").id;
    auth.change_password(id, good_password, "kata-sandi-baru", address);
    const auto token = auth.login("budi", "kata-sandi-baru", address).token;

    const auto updated = auth.update_user(admin_id(), id, {.password = "sandi-dari-admin"});
    EXPECT_TRUE(updated.must_change_password);
    EXPECT_FALSE(auth.authenticate(token));
    EXPECT_TRUE(auth.login("budi", "sandi-dari-admin", address).user.must_change_password);
    EXPECT_EQ(error_code_of([&] { auth.update_user(admin_id(), id, {.password = "budi"}); }), "weak_password");
}

TEST_F(AuthServiceWithAdminTest, TokensOfDeletedUsersStopWorking) {
    const auto id = make_operator("budi").id;
    const auto token = auth.login("budi", good_password, address).token;
    published();
    auth.delete_user(admin_id(), id);
    EXPECT_FALSE(auth.authenticate(token));
    EXPECT_EQ(error_code_of([&] { auth.user(id); }), "user_not_found");

    const auto events = published();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].topic, sdk::topics::user_deleted);
    EXPECT_EQ(events[0].payload["id"], id);
}

TEST_F(AuthServiceWithAdminTest, NobodyDisablesDemotesOrDeletesThemselves) {
    const auto self = admin_id();
    make_operator("budi");
    EXPECT_EQ(error_code_of([&] { auth.update_user(self, self, {.disabled = true}); }), "cannot_change_self");
    EXPECT_EQ(error_code_of([&] { auth.update_user(self, self, {.role = "operator"}); }), "cannot_change_self");
    EXPECT_EQ(error_code_of([&] { auth.delete_user(self, self); }), "cannot_change_self");
    EXPECT_NO_THROW(auth.update_user(self, self, {.display_name = "Pemilik", .role = "admin"}));
}

TEST_F(AuthServiceWithAdminTest, TheLastEnabledAdminStays) {
    const auto first = admin_id();
    const auto second = auth.create_user({.username = "pemilik", .password = good_password, .role = "admin"}).id;
    // The second admin disables the first: allowed, one enabled admin is left.
    auth.update_user(second, first, {.disabled = true});
    // Demoting or deleting the remaining one is refused, even by another user.
    EXPECT_EQ(error_code_of([&] { auth.update_user(first, second, {.role = "operator"}); }), "last_admin");
    EXPECT_EQ(error_code_of([&] { auth.delete_user(first, second); }), "last_admin");
}

TEST_F(AuthServiceWithAdminTest, RehashesAnOutdatedHashAtLoginWithoutRevoking) {
    const auto token = auth.login("admin", "ikbal", address).token;
    const auto old_hash = auth.users()[0].password_hash;
    const PasswordCost stronger{PasswordCost::minimum().opslimit + 1, PasswordCost::minimum().memlimit};
    AuthService upgraded(database, bus, permissions, options(stronger));
    upgraded.login("admin", "ikbal", address);
    const auto new_hash = upgraded.users()[0].password_hash;
    EXPECT_NE(new_hash, old_hash);
    EXPECT_FALSE(PasswordHasher(stronger).needs_rehash(new_hash));
    EXPECT_TRUE(upgraded.authenticate(token));
}

TEST_F(AuthServiceWithAdminTest, ReloadPicksUpTheDatabaseAgain) {
    const auto id = make_operator("budi").id;
    // Another service on the same database stands in for a restored file.
    AuthService other(database, bus, permissions, options());
    other.delete_user(admin_id(), id);
    EXPECT_TRUE(auth.user(id).id == id);
    const auto token = auth.login("admin", "ikbal", address).token;
    auth.reload();
    EXPECT_EQ(error_code_of([&] { auth.user(id); }), "user_not_found");
    EXPECT_FALSE(auth.authenticate(token)) << "tokens issued before a restore are revoked";
}

}  // namespace
}  // namespace billing::host
