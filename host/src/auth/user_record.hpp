#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <billing/sdk/user.hpp>

namespace billing::host {

// One row of the users table.
struct UserRecord {
    std::int64_t id = 0;
    std::string username{};  // lower case
    std::string display_name{};
    std::string role{};  // "admin" or "operator"
    std::vector<std::string> permissions{};
    bool disabled = false;
    bool must_change_password = false;
    // Tokens carry the version they were issued under; moving it on revokes
    // every token issued before.
    std::int64_t token_version = 0;
    std::int64_t created_at_ms = 0;
    std::int64_t updated_at_ms = 0;
    std::string password_hash{};  // never leaves the host: not in to_json()

    bool is_enabled_admin() const { return role == "admin" && !disabled; }
    sdk::UserInfo info() const;
    // The API's user object: {id, username, display_name, role, permissions,
    // disabled, must_change_password, created_at, updated_at}, no secrets.
    nlohmann::json to_json() const;
};

}  // namespace billing::host
