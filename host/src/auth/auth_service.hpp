#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <billing/sdk/http.hpp>
#include <nlohmann/json.hpp>

#include "auth/authenticator.hpp"
#include "auth/jwt.hpp"
#include "auth/login_throttle.hpp"
#include "auth/password_hasher.hpp"
#include "auth/user_store.hpp"

namespace billing::host {

class EventBus;
class PermissionCatalog;

struct AuthOptions {
    std::filesystem::path data_dir;  // holds jwt.secret
    std::chrono::hours token_lifetime{24};
    ThrottleLimits throttle{};
    PasswordCost password_cost = PasswordCost::interactive();
    LoginThrottle::Clock throttle_clock = std::chrono::steady_clock::now;
};

// A token handed out at login or after a password change.
struct IssuedToken {
    std::string token;
    std::int64_t expires_at_ms = 0;
    UserRecord user;
    nlohmann::json to_json() const;  // {token, expires_at, user}
};

// 429 too_many_attempts; the answer also carries Retry-After.
class TooManyAttempts : public sdk::ApiError {
public:
    explicit TooManyAttempts(std::chrono::seconds retry_after);
    std::chrono::seconds retry_after() const { return retry_after_; }

private:
    std::chrono::seconds retry_after_;
};

// What POST /users asks for, its fields already validated.
struct UserCreation {
    std::string username{};
    std::string password{};
    std::string role{};
    std::string display_name{};
    std::vector<std::string> permissions{};
};

// What PUT /users/{id} asks for; empty fields stay as they are.
struct UserUpdate {
    std::optional<std::string> display_name{};
    std::optional<std::string> role{};
    std::optional<std::vector<std::string>> permissions{};
    std::optional<bool> disabled{};
    std::optional<std::string> password{};
};

// Users and access: login, tokens, password changes and the users an admin
// manages. Publishes user.created / user.updated / user.deleted (payload:
// the user without secrets). Errors are sdk::ApiError or DatabaseError.
class AuthService : public Authenticator {
public:
    // Reads or creates <data_dir>/jwt.secret and loads every user.
    AuthService(Database& database, EventBus& bus, PermissionCatalog& permissions, AuthOptions options);

    // First run: creates admin/ikbal, which must change its password.
    void ensure_default_admin();
    // Reads the users again after the database was replaced (restore) and
    // revokes every token issued before: everyone signs in again.
    void reload();

    // Cheap (no database, no hashing): signature, expiry, user exists, is
    // enabled and the token's version is the user's current one.
    std::optional<sdk::UserInfo> authenticate(std::string_view token) const override;

    // 401 invalid_credentials or 429 TooManyAttempts. Unknown users take as
    // long as wrong passwords, so usernames cannot be probed.
    IssuedToken login(const std::string& username, const std::string& password, const std::string& remote_address);
    // Revokes every older token of the user and returns a new one. 400
    // weak_password, 401 invalid_credentials, 429 TooManyAttempts.
    IssuedToken change_password(std::int64_t user_id, const std::string& current_password,
                                const std::string& new_password, const std::string& remote_address);

    std::vector<UserRecord> users() const;
    UserRecord user(std::int64_t id) const;  // 404 user_not_found
    // The new user must change the admin-chosen password at first login.
    UserRecord create_user(const UserCreation& creation);
    // `actor_id` is the admin asking: nobody may disable, demote or delete
    // themselves (409 cannot_change_self). A password set here must be
    // changed at next login; it and disabling revoke the user's tokens.
    UserRecord update_user(std::int64_t actor_id, std::int64_t id, const UserUpdate& update);
    void delete_user(std::int64_t actor_id, std::int64_t id);

    const PermissionCatalog& permissions() const { return permissions_; }

private:
    IssuedToken issue_token(const UserRecord& user) const;
    const std::string& dummy_hash() const;

    EventBus& bus_;
    PermissionCatalog& permissions_;
    const AuthOptions options_;
    const PasswordHasher hasher_;
    const JwtCodec jwt_;
    UserStore store_;
    LoginThrottle throttle_;
    mutable std::once_flag dummy_hash_once_;
    mutable std::string dummy_hash_;
};

}  // namespace billing::host
