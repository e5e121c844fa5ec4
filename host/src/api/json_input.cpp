#include "api/json_input.hpp"

#include <charconv>

#include <billing/sdk/http.hpp>

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

std::int64_t id_parameter(const std::string& text, const char* what) {
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc{} || end != text.data() + text.size() || id <= 0)
        throw ApiError(404, std::string(what) + "_not_found", std::string("no ") + what + " with id " + text);
    return id;
}

}  // namespace billing::host::json_input
