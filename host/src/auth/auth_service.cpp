#include "auth/auth_service.hpp"

#include <spdlog/spdlog.h>

#include <billing/sdk/topics.hpp>

#include "auth/jwt_secret.hpp"
#include "auth/permission_catalog.hpp"
#include "auth/user_input.hpp"
#include "bus/event_bus.hpp"
#include "core/clock.hpp"

namespace billing::host {

namespace {

using sdk::ApiError;

const char* const default_admin_name = "admin";
const char* const default_admin_password = "ikbal";

std::int64_t now_seconds() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

ApiError invalid_credentials(const char* message) { return ApiError(401, "invalid_credentials", message); }

ApiError cannot_change_self(const char* what) {
    return ApiError(409, "cannot_change_self", std::string("you cannot ") + what + " yourself");
}

}  // namespace

nlohmann::json IssuedToken::to_json() const {
    return {{"token", token}, {"expires_at", format_iso8601_utc(expires_at_ms)}, {"user", user.to_json()}};
}

TooManyAttempts::TooManyAttempts(std::chrono::seconds retry_after)
    : ApiError(429, "too_many_attempts",
               "too many failed logins; try again in " + std::to_string(retry_after.count()) + " seconds"),
      retry_after_(retry_after) {}

AuthService::AuthService(Database& database, EventBus& bus, PermissionCatalog& permissions, AuthOptions options)
    : bus_(bus),
      permissions_(permissions),
      options_(std::move(options)),
      hasher_(options_.password_cost),
      jwt_(load_or_create_jwt_secret(options_.data_dir / "jwt.secret")),
      store_(database),
      throttle_(options_.throttle, options_.throttle_clock) {}

void AuthService::ensure_default_admin() {
    if (!store_.empty()) return;
    store_.create(NewUser{.username = default_admin_name,
                          .display_name = "Administrator",
                          .role = "admin",
                          .password_hash = hasher_.hash(default_admin_password),
                          .must_change_password = true});
    spdlog::warn("created the default user '{}'; its password must be changed at the first login",
                 default_admin_name);
}

void AuthService::reload() { store_.reload_revoking_tokens(); }

std::optional<sdk::UserInfo> AuthService::authenticate(std::string_view token) const {
    auto claims = jwt_.verify(token, now_seconds());
    if (!claims) return std::nullopt;
    return store_.active_user(claims->user_id, claims->token_version);
}

const std::string& AuthService::dummy_hash() const {
    // Made on first need rather than at start-up, which it would slow down.
    std::call_once(dummy_hash_once_, [this] { dummy_hash_ = hasher_.hash("not the password of anyone"); });
    return dummy_hash_;
}

IssuedToken AuthService::issue_token(const UserRecord& user) const {
    const auto issued_at = now_seconds();
    const auto expires_at =
        issued_at + std::chrono::duration_cast<std::chrono::seconds>(options_.token_lifetime).count();
    auto token = jwt_.sign({user.id, user.username, user.role, user.token_version, issued_at, expires_at});
    return {std::move(token), expires_at * 1000, user};
}

IssuedToken AuthService::login(const std::string& username, const std::string& password,
                               const std::string& remote_address) {
    const auto name = user_input::to_lower(username);
    if (auto wait = throttle_.retry_after(name, remote_address)) throw TooManyAttempts(*wait);

    auto user = store_.find_by_username(name);
    // An unknown user costs one hash verification too, like a wrong password.
    const bool password_matches = hasher_.verify(user ? user->password_hash : dummy_hash(), password);
    if (!user || !password_matches || user->disabled) {
        throttle_.record_failure(name, remote_address);
        throw invalid_credentials("wrong username or password");
    }
    throttle_.record_success(name);

    // A hash made with an older cost is upgraded while the password is at
    // hand; the user's other sessions stay valid.
    if (hasher_.needs_rehash(user->password_hash))
        user = store_.update(user->id, {.password_hash = hasher_.hash(password)});
    return issue_token(*user);
}

IssuedToken AuthService::change_password(std::int64_t user_id, const std::string& current_password,
                                         const std::string& new_password, const std::string& remote_address) {
    auto user = this->user(user_id);
    user_input::check_password_strength(new_password, user.username);
    if (new_password == current_password)
        throw ApiError(400, "weak_password", "the new password must differ from the current one");
    // A stolen token must not become a way to guess the password.
    if (auto wait = throttle_.retry_after(user.username, remote_address)) throw TooManyAttempts(*wait);
    if (!hasher_.verify(user.password_hash, current_password)) {
        throttle_.record_failure(user.username, remote_address);
        throw invalid_credentials("the current password is wrong");
    }
    throttle_.record_success(user.username);

    auto updated = store_.update(user_id, {.password_hash = hasher_.hash(new_password),
                                           .must_change_password = false,
                                           .revoke_tokens = true});
    bus_.publish(sdk::topics::user_updated, updated.to_json(), "host");
    return issue_token(updated);
}

std::vector<UserRecord> AuthService::users() const { return store_.list(); }

UserRecord AuthService::user(std::int64_t id) const {
    auto found = store_.find(id);
    if (!found) throw ApiError(404, "user_not_found", "no user with id " + std::to_string(id));
    return *found;
}

UserRecord AuthService::create_user(const UserCreation& creation) {
    user_input::check_password_strength(creation.password, creation.username);
    auto created = store_.create(NewUser{.username = creation.username,
                                         .display_name = creation.display_name,
                                         .role = creation.role,
                                         .permissions = creation.permissions,
                                         .password_hash = hasher_.hash(creation.password),
                                         .must_change_password = true});
    bus_.publish(sdk::topics::user_created, created.to_json(), "host");
    return created;
}

UserRecord AuthService::update_user(std::int64_t actor_id, std::int64_t id, const UserUpdate& update) {
    if (actor_id == id && update.disabled.value_or(false)) throw cannot_change_self("disable");
    if (actor_id == id && update.role && *update.role != "admin") throw cannot_change_self("demote");
    const auto current = user(id);
    if (update.password) user_input::check_password_strength(*update.password, current.username);

    UserChanges changes{.display_name = update.display_name,
                        .role = update.role,
                        .permissions = update.permissions,
                        .disabled = update.disabled,
                        .revoke_tokens = update.password || update.disabled.value_or(false)};
    if (update.password) {
        changes.password_hash = hasher_.hash(*update.password);
        changes.must_change_password = true;
    }
    auto updated = store_.update(id, changes);
    bus_.publish(sdk::topics::user_updated, updated.to_json(), "host");
    return updated;
}

void AuthService::delete_user(std::int64_t actor_id, std::int64_t id) {
    if (actor_id == id) throw cannot_change_self("delete");
    const auto deleted = user(id);
    store_.remove(id);
    bus_.publish(sdk::topics::user_deleted, deleted.to_json(), "host");
}

}  // namespace billing::host
