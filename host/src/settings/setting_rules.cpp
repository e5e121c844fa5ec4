#include "settings/setting_rules.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

#include <billing/sdk/http.hpp>

#include "core/phone_number.hpp"

namespace billing::host {

namespace {

using sdk::ApiError;

[[noreturn]] void invalid(const std::string& field, const std::string& expectation) {
    throw ApiError(400, "invalid_field", field + " must be " + expectation);
}

const std::string& string_value(const nlohmann::json& value, const std::string& field) {
    if (!value.is_string()) invalid(field, "a string");
    return value.get_ref<const std::string&>();
}

// Characters, not bytes: the body is valid UTF-8 once parsed as JSON, so
// counting the bytes that do not continue a sequence counts characters.
std::size_t character_count(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool has_control_character(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

std::string trimmed(const std::string& text) {
    auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// One line of printable text of 1 to `max` characters, without surrounding blanks.
std::string short_text(const nlohmann::json& value, const std::string& field, std::size_t max) {
    auto text = trimmed(string_value(value, field));
    auto count = character_count(text);
    if (count == 0 || count > max || has_control_character(text))
        invalid(field, "1 to " + std::to_string(max) + " characters on one line");
    return text;
}

// Stored as international digits (core/phone_number.hpp); empty clears it.
nlohmann::json whatsapp_number(const nlohmann::json& value) {
    const std::string field = "whatsapp_number";
    const auto& text = string_value(value, field);
    if (text.empty()) return text;
    try {
        return normalise_phone_number(text);
    } catch (const std::invalid_argument& error) {
        invalid(field, std::string("a phone number, or empty (") + error.what() + ")");
    }
}

nlohmann::json currency(const nlohmann::json& value, const nlohmann::json& current) {
    if (!value.is_object()) invalid("currency", R"(an object such as {"symbol":"Rp","thousands_separator":"."})");
    auto result = current;
    for (const auto& [key, item] : value.items()) {
        if (key == "symbol") {
            result[key] = short_text(item, "currency.symbol", 8);
        } else if (key == "thousands_separator") {
            const auto& separator = string_value(item, "currency.thousands_separator");
            if (separator != "." && separator != "," && separator != " " && !separator.empty())
                invalid("currency.thousands_separator", R"(".", ",", " " or "")");
            result[key] = separator;
        } else {
            throw ApiError(400, "unknown_setting",
                           "currency." + key + " is not a currency setting (symbol, thousands_separator)");
        }
    }
    return result;
}

nlohmann::json business_day_start(const nlohmann::json& value) {
    const std::string field = "business_day_start";
    const auto& text = string_value(value, field);
    auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(text[i])) != 0; };
    bool shaped = text.size() == 5 && digit(0) && digit(1) && text[2] == ':' && digit(3) && digit(4);
    if (!shaped || std::stoi(text.substr(0, 2)) > 23 || std::stoi(text.substr(3, 2)) > 59)
        invalid(field, "a time of day \"HH:MM\" from 00:00 to 23:59");
    return text;
}

nlohmann::json session_warning_minutes(const nlohmann::json& value) {
    const std::string field = "session_warning_minutes";
    const auto expectation = "a list of up to 5 different whole minutes from 1 to 60, e.g. [5, 1]";
    if (!value.is_array() || value.size() > 5) invalid(field, expectation);
    std::vector<std::int64_t> minutes;
    for (const auto& item : value) {
        if (!item.is_number_integer() || item.get<std::int64_t>() < 1 || item.get<std::int64_t>() > 60)
            invalid(field, expectation);
        minutes.push_back(item.get<std::int64_t>());
    }
    std::sort(minutes.rbegin(), minutes.rend());
    if (std::adjacent_find(minutes.begin(), minutes.end()) != minutes.end()) invalid(field, expectation);
    return minutes;
}

nlohmann::json session_max_pause_minutes(const nlohmann::json& value) {
    if (!value.is_number_integer() || value.get<std::int64_t>() < 1 || value.get<std::int64_t>() > 120)
        invalid("session_max_pause_minutes", "a whole number of minutes from 1 to 120");
    return value;
}

// An IANA name: letters, digits and "_+-" in '/'-separated parts, none of
// them starting with '.', so it can never leave the zoneinfo directory.
bool looks_like_zone_name(const std::string& name) {
    if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/') return false;
    bool part_start = true;
    for (char c : name) {
        if (part_start && (c == '.' || c == '/')) return false;
        part_start = c == '/';
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '+' && c != '-' && c != '/') return false;
    }
    return true;
}

}  // namespace

SettingRules::SettingRules(std::filesystem::path zoneinfo) : zoneinfo_(std::move(zoneinfo)) {}

const nlohmann::json& SettingRules::defaults() {
    static const nlohmann::json values = {
        {"shop_name", "Rental PlayStation"},
        {"whatsapp_number", ""},
        {"time_zone", "Asia/Jakarta"},
        {"currency", {{"symbol", "Rp"}, {"thousands_separator", "."}}},
        {"business_day_start", "06:00"},
        {"session_warning_minutes", {5, 1}},
        {"session_max_pause_minutes", 10},
    };
    return values;
}

bool SettingRules::is_known(const std::string& key) { return defaults().contains(key); }

nlohmann::json SettingRules::validate(const std::string& key, const nlohmann::json& value,
                                      const nlohmann::json& current) const {
    if (key == "shop_name") return short_text(value, key, 80);
    if (key == "whatsapp_number") return whatsapp_number(value);
    if (key == "time_zone") return time_zone(value);
    if (key == "currency") return currency(value, current);
    if (key == "business_day_start") return business_day_start(value);
    if (key == "session_warning_minutes") return session_warning_minutes(value);
    if (key == "session_max_pause_minutes") return session_max_pause_minutes(value);
    throw ApiError(400, "unknown_setting", key + " is not a setting");
}

nlohmann::json SettingRules::time_zone(const nlohmann::json& value) const {
    const std::string field = "time_zone";
    const auto& name = string_value(value, field);
    const auto expectation = "an IANA time zone name such as Asia/Jakarta";
    if (!looks_like_zone_name(name)) invalid(field, expectation);
    // Only compiled zone files start with "TZif"; zone.tab and friends do not.
    std::ifstream file(zoneinfo_ / name, std::ios::binary);
    char magic[4] = {};
    if (!std::filesystem::is_regular_file(zoneinfo_ / name) || !file.read(magic, sizeof magic) ||
        std::string(magic, sizeof magic) != "TZif")
        invalid(field, std::string(expectation) + " (" + name + " is not one)");
    return name;
}

}  // namespace billing::host
