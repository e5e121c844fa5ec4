#include "auth/user_store.hpp"

#include <algorithm>
#include <limits>

#include <billing/sdk/http.hpp>
#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include "core/clock.hpp"

namespace billing::host {

namespace {

using sdk::ApiError;

// Permissions are stored as a JSON array of names. A row that holds
// anything else (a hand-edited or restored database) grants nothing.
std::vector<std::string> parse_permissions(const std::string& text, long long user_id) {
    auto value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_array() && std::all_of(value.begin(), value.end(), [](const auto& v) { return v.is_string(); }))
        return value.get<std::vector<std::string>>();
    spdlog::warn("user {}: the permissions column is not an array of names; granting none", user_id);
    return {};
}

std::string permissions_text(const std::vector<std::string>& permissions) {
    return nlohmann::json(permissions).dump();
}

// Users with ids in [first, last], by id. One statement serves both "every
// user" and "this user", since SOCI binds a fixed list of placeholders.
std::vector<UserRecord> select_users(soci::session& session, long long first, long long last) {
    long long id = 0, disabled = 0, must_change_password = 0, token_version = 0, created_at = 0, updated_at = 0;
    std::string username, display_name, password_hash, role, permissions;
    soci::statement statement =
        (session.prepare << "SELECT id, username, display_name, password_hash, role, permissions, disabled, "
                            "must_change_password, token_version, created_at, updated_at FROM users "
                            "WHERE id BETWEEN :first AND :last ORDER BY id",
         soci::into(id), soci::into(username), soci::into(display_name), soci::into(password_hash),
         soci::into(role), soci::into(permissions), soci::into(disabled), soci::into(must_change_password),
         soci::into(token_version), soci::into(created_at), soci::into(updated_at), soci::use(first),
         soci::use(last));
    statement.execute();
    std::vector<UserRecord> users;
    while (statement.fetch()) {
        users.push_back(UserRecord{.id = id,
                                   .username = username,
                                   .display_name = display_name,
                                   .role = role,
                                   .permissions = parse_permissions(permissions, id),
                                   .disabled = disabled != 0,
                                   .must_change_password = must_change_password != 0,
                                   .token_version = token_version,
                                   .created_at_ms = created_at,
                                   .updated_at_ms = updated_at,
                                   .password_hash = password_hash});
    }
    return users;
}

std::optional<UserRecord> select_user(soci::session& session, long long id) {
    auto users = select_users(session, id, id);
    if (users.empty()) return std::nullopt;
    return users.front();
}

long long count_other_enabled_admins(soci::session& session, long long id) {
    long long count = 0;
    session << "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0 AND id <> :id", soci::into(count),
        soci::use(id);
    return count;
}

ApiError user_not_found(std::int64_t id) {
    return ApiError(404, "user_not_found", "no user with id " + std::to_string(id));
}

ApiError last_admin(const UserRecord& user) {
    return ApiError(409, "last_admin",
                    "user " + user.username + " is the last enabled admin; make another admin first");
}

}  // namespace

UserStore::UserStore(Database& database) : database_(database) { reload(); }

void UserStore::reload() {
    std::lock_guard write_lock(write_mutex_);
    std::vector<UserRecord> users;
    database_.read([&](soci::session& session) {
        users = select_users(session, 1, std::numeric_limits<long long>::max());
    });
    std::map<std::int64_t, UserRecord> by_id;
    for (auto& user : users) by_id.emplace(user.id, std::move(user));
    std::unique_lock memory_lock(memory_mutex_);
    users_ = std::move(by_id);
}

void UserStore::reload_revoking_tokens() {
    std::lock_guard write_lock(write_mutex_);
    // users_ only changes under write_mutex_, held here: reading it needs no other lock.
    std::map<std::int64_t, UserRecord> by_id;
    database_.write([&](soci::session& session) {
        for (auto& user : select_users(session, 1, std::numeric_limits<long long>::max())) {
            auto live = users_.find(user.id);
            long long version = user.token_version;
            if (live != users_.end()) version = std::max<long long>(version, live->second.token_version);
            const long long next_version = version + 1;
            const long long user_id = user.id;
            session << "UPDATE users SET token_version = :token_version WHERE id = :id", soci::use(next_version),
                soci::use(user_id);
            user.token_version = next_version;
            by_id.emplace(user.id, std::move(user));
        }
    });
    std::unique_lock memory_lock(memory_mutex_);
    users_ = std::move(by_id);
}

std::optional<UserRecord> UserStore::find(std::int64_t id) const {
    std::shared_lock lock(memory_mutex_);
    auto it = users_.find(id);
    if (it == users_.end()) return std::nullopt;
    return it->second;
}

std::optional<UserRecord> UserStore::find_by_username(std::string_view username) const {
    std::shared_lock lock(memory_mutex_);
    for (const auto& [id, user] : users_)
        if (user.username == username) return user;
    return std::nullopt;
}

std::vector<UserRecord> UserStore::list() const {
    std::shared_lock lock(memory_mutex_);
    std::vector<UserRecord> users;
    users.reserve(users_.size());
    for (const auto& [id, user] : users_) users.push_back(user);
    return users;
}

bool UserStore::empty() const {
    std::shared_lock lock(memory_mutex_);
    return users_.empty();
}

std::optional<sdk::UserInfo> UserStore::active_user(std::int64_t id, std::int64_t token_version) const {
    std::shared_lock lock(memory_mutex_);
    auto it = users_.find(id);
    if (it == users_.end() || it->second.disabled || it->second.token_version != token_version)
        return std::nullopt;
    return it->second.info();
}

void UserStore::store_in_memory(const UserRecord& user) {
    std::unique_lock lock(memory_mutex_);
    users_[user.id] = user;
}

UserRecord UserStore::create(const NewUser& user) {
    std::lock_guard write_lock(write_mutex_);
    const auto at = now_ms();
    UserRecord created{.username = user.username,
                       .display_name = user.display_name,
                       .role = user.role,
                       .permissions = user.permissions,
                       .must_change_password = user.must_change_password,
                       .created_at_ms = at,
                       .updated_at_ms = at,
                       .password_hash = user.password_hash};
    // Outcomes are decided inside the transaction but thrown after it, so the
    // database layer only ever sees its own errors.
    bool taken = false;
    database_.write([&](soci::session& session) {
        long long same_name = 0;
        // The column is COLLATE NOCASE, so this also finds "Budi" for "budi".
        session << "SELECT COUNT(*) FROM users WHERE username = :username", soci::into(same_name),
            soci::use(created.username);
        if (same_name > 0) {
            taken = true;
            return;
        }
        const auto permissions = permissions_text(created.permissions);
        const long long must_change = created.must_change_password ? 1 : 0;
        const long long created_at = at;
        session << "INSERT INTO users (username, display_name, password_hash, role, permissions, disabled, "
                   "must_change_password, token_version, created_at, updated_at) "
                   "VALUES (:username, :display_name, :password_hash, :role, :permissions, 0, :must_change, 0, "
                   ":created_at, :updated_at)",
            soci::use(created.username), soci::use(created.display_name), soci::use(created.password_hash),
            soci::use(created.role), soci::use(permissions), soci::use(must_change), soci::use(created_at), soci::use(created_at);
        long long id = 0;
        if (!session.get_last_insert_id("users", id)) throw DatabaseError("users: the new row's id is unknown");
        created.id = id;
    });
    if (taken) throw ApiError(409, "username_taken", "the username " + user.username + " is taken");
    store_in_memory(created);
    return created;
}

UserRecord UserStore::update(std::int64_t id, const UserChanges& changes) {
    std::lock_guard write_lock(write_mutex_);
    std::optional<UserRecord> updated;
    std::optional<ApiError> refused;
    database_.write([&](soci::session& session) {
        auto before = select_user(session, id);
        if (!before) {
            refused = user_not_found(id);
            return;
        }
        UserRecord after = *before;
        if (changes.display_name) after.display_name = *changes.display_name;
        if (changes.role) after.role = *changes.role;
        if (changes.permissions) after.permissions = *changes.permissions;
        if (changes.disabled) after.disabled = *changes.disabled;
        if (changes.password_hash) after.password_hash = *changes.password_hash;
        if (changes.must_change_password) after.must_change_password = *changes.must_change_password;
        if (changes.revoke_tokens) ++after.token_version;
        after.updated_at_ms = now_ms();

        if (before->is_enabled_admin() && !after.is_enabled_admin() && count_other_enabled_admins(session, id) == 0) {
            refused = last_admin(*before);
            return;
        }
        const auto permissions = permissions_text(after.permissions);
        const long long disabled = after.disabled ? 1 : 0;
        const long long must_change = after.must_change_password ? 1 : 0;
        const long long token_version = after.token_version;
        const long long updated_at = after.updated_at_ms;
        const long long user_id = id;
        session << "UPDATE users SET display_name = :display_name, role = :role, permissions = :permissions, "
                   "disabled = :disabled, password_hash = :password_hash, must_change_password = :must_change, "
                   "token_version = :token_version, updated_at = :updated_at WHERE id = :id",
            soci::use(after.display_name), soci::use(after.role), soci::use(permissions), soci::use(disabled),
            soci::use(after.password_hash), soci::use(must_change), soci::use(token_version),
            soci::use(updated_at), soci::use(user_id);
        updated = std::move(after);
    });
    if (refused) throw *refused;
    store_in_memory(*updated);
    return *updated;
}

void UserStore::remove(std::int64_t id) {
    std::lock_guard write_lock(write_mutex_);
    std::optional<ApiError> refused;
    database_.write([&](soci::session& session) {
        auto user = select_user(session, id);
        if (!user) {
            refused = user_not_found(id);
            return;
        }
        if (user->is_enabled_admin() && count_other_enabled_admins(session, id) == 0) {
            refused = last_admin(*user);
            return;
        }
        const long long user_id = id;
        session << "DELETE FROM users WHERE id = :id", soci::use(user_id);
    });
    if (refused) throw *refused;
    std::unique_lock lock(memory_mutex_);
    users_.erase(id);
}

}  // namespace billing::host
