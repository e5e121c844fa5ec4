#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

// Reading fields of a JSON request body with errors that say what was wrong.
// Every function throws sdk::ApiError(400, "invalid_field", "<field> must
// be ...") or (400, "missing_field", ...) and changes nothing.
namespace billing::host::json_input {

// The body parsed as a JSON object, or 400 invalid_json / invalid_body.
nlohmann::json object_body(const std::string& body);

std::string required_string(const nlohmann::json& object, const char* field,
                            std::size_t max_length = 200);
std::optional<std::string> optional_string(const nlohmann::json& object, const char* field,
                                           std::size_t max_length = 200);
std::optional<bool> optional_bool(const nlohmann::json& object, const char* field);
std::optional<std::int64_t> optional_integer(const nlohmann::json& object, const char* field,
                                             std::int64_t min, std::int64_t max);
// `text` as one line of printable text without surrounding blanks, of
// min..max characters (not bytes); otherwise 400 invalid_field "<field> must
// be <min> to <max> characters on one line".
std::string line_of_text(const std::string& text, const std::string& field, std::size_t min_characters,
                         std::size_t max_characters);
// The same for the string field `field` of `object`; absent or null reads as "".
std::string one_line_text(const nlohmann::json& object, const char* field, std::size_t min_characters,
                          std::size_t max_characters);

// 400 unknown_field naming the first key of `body` not in `allowed` (a typo
// such as "pakage_id" must not be ignored) and the keys it may have.
void reject_unknown_fields(const nlohmann::json& body, std::initializer_list<const char*> allowed);

// Parses a path or query parameter holding a positive integer id; 404
// `<what>_not_found` when it is not one.
std::int64_t id_parameter(const std::string& text, const char* what);

}  // namespace billing::host::json_input
