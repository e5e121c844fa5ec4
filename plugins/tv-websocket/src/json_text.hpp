#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace tv {

// The text in `value`, or "" when it is null, absent or not text: for
// settings, database columns and other plugins' requests, where a missing or
// malformed value must not throw.
inline std::string text_or_empty(const nlohmann::json& value) {
    return value.is_string() ? value.get<std::string>() : std::string{};
}

// The text field `key` of an object, or "" (also when `object` is none).
inline std::string text_field(const nlohmann::json& object, const char* key) {
    return object.is_object() ? text_or_empty(object.value(key, nlohmann::json())) : std::string{};
}

// At most `max_bytes` of `text`, cut before a character rather than inside
// one: JSON cannot carry a broken UTF-8 sequence (dump() throws).
inline std::string utf8_prefix(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    auto cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut);
}

}  // namespace tv
