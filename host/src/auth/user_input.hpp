#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace billing::host {

class PermissionCatalog;

// Fields of the auth and users request bodies, validated. Each function
// throws sdk::ApiError 400 (invalid_field, missing_field, unknown_field,
// unknown_permission, weak_password) naming the field, and changes nothing.
namespace user_input {

inline constexpr std::size_t max_password_length = 1024;

// 3..32 characters of [a-z0-9._-], after lower-casing.
std::string username(const nlohmann::json& body);
// At most 80 characters, no control characters.
std::optional<std::string> display_name(const nlohmann::json& body);
// "admin" or "operator".
std::optional<std::string> role(const nlohmann::json& body);
// An array of names the catalog knows, without duplicates.
std::optional<std::vector<std::string>> permissions(const nlohmann::json& body, const PermissionCatalog& catalog);
std::string required_password(const nlohmann::json& body, const char* field);
std::optional<std::string> optional_password(const nlohmann::json& body, const char* field);
// 400 weak_password unless the password has at least 8 characters and is
// not the username. (The default "ikbal" is shorter, so it never passes.)
void check_password_strength(const std::string& password, const std::string& username);

std::string to_lower(std::string text);

}  // namespace user_input
}  // namespace billing::host
