#include "settings/setting_rules.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

#include <billing/sdk/http.hpp>

#include "api/json_input.hpp"
#include "core/phone_number.hpp"
#include "core/time_of_day.hpp"

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

// One line of printable text of 1 to `max` characters, without surrounding blanks.
std::string short_text(const nlohmann::json& value, const std::string& field, std::size_t max) {
    return json_input::line_of_text(string_value(value, field), field, 1, max);
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
    if (!minute_of_day(text))
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
