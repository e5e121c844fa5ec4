#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "billing/sdk/abi.hpp"

namespace billing::sdk {

// The authenticated dashboard user behind a request. Admins hold every
// permission; operators hold the ones the admin ticked.
struct UserInfo {
    std::int64_t id = 0;
    std::string username;
    std::string role;  // "admin" or "operator"
    std::vector<std::string> permissions;
    bool must_change_password = false;

    bool is_admin() const { return role == "admin"; }
    bool has(const std::string& permission) const {
        return is_admin() ||
               std::find(permissions.begin(), permissions.end(), permission) != permissions.end();
    }
};

inline void to_json(nlohmann::json& j, const UserInfo& u) {
    j = nlohmann::json{{"id", u.id},
                       {"username", u.username},
                       {"role", u.role},
                       {"permissions", u.permissions},
                       {"must_change_password", u.must_change_password}};
}

}  // namespace billing::sdk
