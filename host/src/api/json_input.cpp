#include "api/json_input.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include <billing/sdk/http.hpp>

#include "core/utf8.hpp"

namespace billing::host::json_input {

using sdk::ApiError;

nlohmann::json object_body(const std::string& body) {
    auto value = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) throw ApiError(400, "invalid_json", "the request body is not valid JSON");
    if (!value.is_object()) throw ApiError(400, "invalid_body", "the request body must be a JSON object");
    return value;
}

std::optional<std::string> optional_string(const nlohmann::json& object, const char* field,
                                           std::size_t max_length) {
    auto it = object.find(field);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_string())
        throw ApiError(400, "invalid_field", std::string(field) + " must be a string");
    auto value = it->get<std::string>();
    if (value.size() > max_length)
        throw ApiError(400, "invalid_field",
                       std::string(field) + " must be at most " + std::to_string(max_length) + " characters");
    return value;
}

std::string required_string(const nlohmann::json& object, const char* field, std::size_t max_length) {
    auto value = optional_string(object, field, max_length);
    if (!value) throw ApiError(400, "missing_field", std::string(field) + " is required");
    return *value;
}

std::optional<bool> optional_bool(const nlohmann::json& object, const char* field) {
    auto it = object.find(field);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_boolean()) throw ApiError(400, "invalid_field", std::string(field) + " must be true or false");
    return it->get<bool>();
}

std::optional<std::int64_t> optional_integer(const nlohmann::json& object, const char* field,
                                             std::int64_t min, std::int64_t max) {
    auto it = object.find(field);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer())
        throw ApiError(400, "invalid_field", std::string(field) + " must be an integer");
    auto value = it->get<std::int64_t>();
    if (value < min || value > max)
        throw ApiError(400, "invalid_field", std::string(field) + " must be between " +
                                                 std::to_string(min) + " and " + std::to_string(max));
    return value;
}

std::string line_of_text(const std::string& text, const std::string& field, std::size_t min_characters,
                         std::size_t max_characters) {
    std::string line;
    if (const auto first = text.find_first_not_of(" \t"); first != std::string::npos)
        line = text.substr(first, text.find_last_not_of(" \t") - first + 1);
    const auto count = utf8_character_count(line);
    const bool control = std::any_of(line.begin(), line.end(),
                                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
    if (count < min_characters || count > max_characters || control)
        throw ApiError(400, "invalid_field",
                       field + " must be " + std::to_string(min_characters) + " to " + std::to_string(max_characters) +
                           " characters on one line");
    return line;
}

std::string one_line_text(const nlohmann::json& object, const char* field, std::size_t min_characters,
                          std::size_t max_characters) {
    // The length is checked in characters, without the blanks.
    const auto unlimited = std::numeric_limits<std::size_t>::max();
    return line_of_text(optional_string(object, field, unlimited).value_or(""), field, min_characters,
                        max_characters);
}

void reject_unknown_fields(const nlohmann::json& body, std::initializer_list<const char*> allowed) {
    for (const auto& item : body.items()) {
        if (std::any_of(allowed.begin(), allowed.end(), [&](const char* name) { return item.key() == name; }))
            continue;
        // The name is cut short (before a character's first byte, so the
        // message stays UTF-8) so a huge one cannot bloat the answer.
        auto shown = item.key();
        if (shown.size() > 40) {
            auto cut = std::size_t{40};
            while (cut > 0 && is_utf8_continuation_byte(shown[cut])) --cut;
            shown = shown.substr(0, cut) + "...";
        }
        std::string names;
        for (const char* name : allowed) names += (names.empty() ? "" : ", ") + std::string(name);
        throw ApiError(400, "unknown_field", "unknown field \"" + shown + "\" (expected " + names + ")");
    }
}

std::int64_t id_parameter(const std::string& text, const char* what) {
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc{} || end != text.data() + text.size() || id <= 0)
        throw ApiError(404, std::string(what) + "_not_found", std::string("no ") + what + " with id " + text);
    return id;
}

}  // namespace billing::host::json_input
