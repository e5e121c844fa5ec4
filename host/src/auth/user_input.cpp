#include "auth/user_input.hpp"

#include <algorithm>

#include <billing/sdk/http.hpp>

#include "api/json_input.hpp"
#include "core/utf8.hpp"
#include "auth/permission_catalog.hpp"

namespace billing::host::user_input {

namespace {

using sdk::ApiError;

constexpr std::size_t min_username_length = 3;
constexpr std::size_t max_username_length = 32;
constexpr std::size_t max_display_name_characters = 80;
constexpr std::size_t min_password_characters = 8;
// A UTF-8 character takes at most 4 bytes.
constexpr std::size_t max_utf8_bytes_per_character = 4;

// Names from the request, quoted in messages, cut short so a huge one
// cannot bloat the answer.
std::string quote_name(const std::string& name) {
    constexpr std::size_t max_shown = 64;
    if (name.size() <= max_shown) return "'" + name + "'";
    // Cut before a character's first byte, or the message is not UTF-8.
    auto cut = max_shown;
    while (cut > 0 && is_utf8_continuation_byte(name[cut])) --cut;
    return "'" + name.substr(0, cut) + "...'";
}

bool is_username_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

}  // namespace

std::string to_lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return text;
}

std::string username(const nlohmann::json& body) {
    auto name = to_lower(json_input::required_string(body, "username", max_username_length));
    if (name.size() < min_username_length || !std::all_of(name.begin(), name.end(), is_username_character))
        throw ApiError(400, "invalid_field",
                       "username must be 3 to 32 characters of a-z, 0-9, '.', '_' and '-'");
    return name;
}

std::optional<std::string> display_name(const nlohmann::json& body) {
    auto name = json_input::optional_string(body, "display_name",
                                            max_display_name_characters * max_utf8_bytes_per_character);
    if (!name) return std::nullopt;
    if (utf8_character_count(*name) > max_display_name_characters)
        throw ApiError(400, "invalid_field", "display_name must be at most 80 characters");
    if (std::any_of(name->begin(), name->end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        throw ApiError(400, "invalid_field", "display_name must not contain control characters");
    return name;
}

std::optional<std::string> role(const nlohmann::json& body) {
    auto value = json_input::optional_string(body, "role", 20);
    if (value && *value != "admin" && *value != "operator")
        throw ApiError(400, "invalid_field", "role must be \"admin\" or \"operator\"");
    return value;
}

std::optional<std::vector<std::string>> permissions(const nlohmann::json& body, const PermissionCatalog& catalog) {
    auto it = body.find("permissions");
    if (it == body.end() || it->is_null()) return std::nullopt;
    if (!it->is_array() || !std::all_of(it->begin(), it->end(), [](const auto& v) { return v.is_string(); }))
        throw ApiError(400, "invalid_field", "permissions must be an array of permission names");
    std::vector<std::string> names;
    for (const auto& value : *it) {
        auto name = value.get<std::string>();
        if (!catalog.contains(name)) throw ApiError(400, "unknown_permission", "unknown permission " + quote_name(name));
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
    }
    return names;
}

std::optional<std::string> optional_password(const nlohmann::json& body, const char* field) {
    return json_input::optional_string(body, field, max_password_length);
}

std::string required_password(const nlohmann::json& body, const char* field) {
    return json_input::required_string(body, field, max_password_length);
}

void check_password_strength(const std::string& password, const std::string& username) {
    if (utf8_character_count(password) < min_password_characters)
        throw ApiError(400, "weak_password", "the password must be at least 8 characters long");
    if (to_lower(password) == username)
        throw ApiError(400, "weak_password", "the password must not be the username");
}

}  // namespace billing::host::user_input
