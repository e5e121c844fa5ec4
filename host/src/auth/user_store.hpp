#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include <billing/sdk/user.hpp>

#include "auth/user_record.hpp"
#include "storage/database.hpp"

namespace billing::host {

struct NewUser {
    std::string username{};  // already validated and lower-cased
    std::string display_name{};
    std::string role{};
    std::vector<std::string> permissions{};
    std::string password_hash{};
    bool must_change_password = false;
};

// A partial update; fields left empty keep their value.
struct UserChanges {
    std::optional<std::string> display_name{};
    std::optional<std::string> role{};
    std::optional<std::vector<std::string>> permissions{};
    std::optional<bool> disabled{};
    std::optional<std::string> password_hash{};
    std::optional<bool> must_change_password{};
    // Moves token_version on, so every token issued so far stops working.
    bool revoke_tokens = false;
};

// The users table, with every user also held in memory so authenticating a
// request never touches the database. Every write goes to the database
// first and to memory only once committed; writes are serialised so memory
// sees them in the database's order.
//
// Invariants kept here, inside the write transaction: usernames are unique
// (409 username_taken) and there is always an enabled admin (409
// last_admin). Errors are sdk::ApiError (also 404 user_not_found) or
// DatabaseError.
class UserStore {
public:
    explicit UserStore(Database& database);  // loads every user

    // Reads every user again, e.g. after a backup was restored.
    void reload();
    // After a restore: reads every user again and moves each token_version
    // past both the restored and the live one, so no token issued before the
    // restore works (a restored version could otherwise revive tokens that
    // were revoked after the backup was taken). Everyone signs in again.
    void reload_revoking_tokens();

    std::optional<UserRecord> find(std::int64_t id) const;
    std::optional<UserRecord> find_by_username(std::string_view username) const;
    std::vector<UserRecord> list() const;  // by id
    bool empty() const;
    // The user behind a token: only if it exists, is enabled and is still at
    // `token_version`. The request path's only lookup, so it copies little.
    std::optional<sdk::UserInfo> active_user(std::int64_t id, std::int64_t token_version) const;

    UserRecord create(const NewUser& user);
    UserRecord update(std::int64_t id, const UserChanges& changes);
    void remove(std::int64_t id);

private:
    void store_in_memory(const UserRecord& user);

    Database& database_;
    std::mutex write_mutex_;  // held from the database write to the memory update
    mutable std::shared_mutex memory_mutex_;
    std::map<std::int64_t, UserRecord> users_;
};

}  // namespace billing::host
