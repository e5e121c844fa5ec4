#include "catalog/text_field.hpp"

#include <algorithm>
#include <limits>

#include <billing/sdk/http.hpp>

#include "api/json_input.hpp"

namespace billing::host {

namespace {

// The body was valid UTF-8 once parsed as JSON, so counting the bytes that
// do not continue a sequence counts characters.
std::size_t character_count(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool has_control_character(const std::string& text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

std::string without_surrounding_blanks(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

std::string one_line_text(const nlohmann::json& object, const char* field, std::size_t min_characters,
                          std::size_t max_characters) {
    // The length is checked below, in characters and without the blanks.
    const auto unlimited = std::numeric_limits<std::size_t>::max();
    auto text = without_surrounding_blanks(json_input::optional_string(object, field, unlimited).value_or(""));
    const auto count = character_count(text);
    if (count < min_characters || count > max_characters || has_control_character(text))
        throw sdk::ApiError(400, "invalid_field",
                            std::string(field) + " must be " + std::to_string(min_characters) + " to " +
                                std::to_string(max_characters) + " characters on one line");
    return text;
}

}  // namespace billing::host
