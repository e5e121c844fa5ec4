#include "members/member_input.hpp"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <stdexcept>

#include <billing/sdk/http.hpp>

#include "api/json_input.hpp"
#include "core/phone_number.hpp"

namespace billing::host::member_input {

namespace {

using sdk::ApiError;

constexpr std::size_t max_name_characters = 80;
constexpr std::size_t max_notes_characters = 1000;
constexpr std::size_t max_reason_characters = 200;
constexpr std::int64_t max_units = 100;
constexpr std::int64_t max_change = 1000;
// The most a package costs (100,000,000) times the most units sold at once.
constexpr std::int64_t max_amount = 100'000'000 * max_units;

void reject_unknown_fields(const nlohmann::json& body, std::initializer_list<const char*> allowed) {
    for (const auto& item : body.items()) {
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char* name) { return item.key() == name; })) {
            std::string names;
            for (const char* name : allowed) names += (names.empty() ? "" : ", ") + std::string(name);
            throw ApiError(400, "unknown_field", "unknown field \"" + item.key().substr(0, 40) + "\" (expected " + names + ")");
        }
    }
}

// Characters, not bytes: parsed JSON is valid UTF-8, so counting the bytes
// that do not continue a sequence counts characters.
std::size_t character_count(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool has_line_break_or_control(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

std::string trimmed(const std::string& text) {
    auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// A line of 1..`max` characters without surrounding blanks, or nullopt if absent.
std::optional<std::string> one_line(const nlohmann::json& body, const char* field, std::size_t max) {
    // Bytes are at most four per character; the character count is checked below.
    auto value = json_input::optional_string(body, field, max * 4);
    if (!value) return std::nullopt;
    auto text = trimmed(*value);
    auto count = character_count(text);
    if (count == 0 || count > max || has_line_break_or_control(text))
        throw ApiError(400, "invalid_field", std::string(field) + " must be 1 to " + std::to_string(max) +
                                                 " characters on one line");
    return text;
}

std::string required_line(const nlohmann::json& body, const char* field, std::size_t max) {
    auto text = one_line(body, field, max);
    if (!text) throw ApiError(400, "missing_field", std::string(field) + " is required");
    return *text;
}

std::int64_t required_package_id(const nlohmann::json& body) {
    auto id = json_input::optional_integer(body, "package_id", 1, std::numeric_limits<std::int64_t>::max());
    if (!id) throw ApiError(400, "missing_field", "package_id is required");
    return *id;
}

}  // namespace

MemberFields member_fields(const nlohmann::json& body, bool creating) {
    reject_unknown_fields(body, {"name", "phone", "notes"});
    MemberFields fields;
    fields.name = creating ? required_line(body, "name", max_name_characters) : one_line(body, "name", max_name_characters);
    auto phone = json_input::optional_string(body, "phone", 64);
    if (!phone && creating) throw ApiError(400, "missing_field", "phone is required");
    if (phone) {
        try {
            fields.phone = normalise_phone_number(*phone);
        } catch (const std::invalid_argument& error) {
            throw ApiError(400, "invalid_phone", std::string("phone is not valid: ") + error.what());
        }
    }
    fields.notes = json_input::optional_string(body, "notes", max_notes_characters * 4);
    if (fields.notes && character_count(*fields.notes) > max_notes_characters)
        throw ApiError(400, "invalid_field", "notes must be at most " + std::to_string(max_notes_characters) + " characters");
    return fields;
}

Purchase purchase(const nlohmann::json& body) {
    reject_unknown_fields(body, {"package_id", "units", "amount"});
    Purchase purchase;
    purchase.package_id = required_package_id(body);
    purchase.units = json_input::optional_integer(body, "units", 1, max_units).value_or(1);
    auto amount = body.find("amount");
    if (amount != body.end() && !amount->is_null()) {
        if (!amount->is_number_integer())
            throw ApiError(400, "invalid_field", "amount must be an integer number of rupiah");
        auto value = amount->get<std::int64_t>();
        if (value < 0 || value > max_amount)
            throw ApiError(400, "invalid_price", "amount must be from 0 to " + std::to_string(max_amount) + " rupiah");
        purchase.amount = value;
    }
    return purchase;
}

BalanceCorrection balance_correction(const nlohmann::json& body) {
    reject_unknown_fields(body, {"package_id", "change", "reason", "kind"});
    BalanceCorrection correction;
    correction.package_id = required_package_id(body);
    auto change = json_input::optional_integer(body, "change", -max_change, max_change);
    if (!change) throw ApiError(400, "missing_field", "change is required");
    if (*change == 0) throw ApiError(400, "invalid_field", "change must not be 0");
    correction.change = *change;
    correction.reason = required_line(body, "reason", max_reason_characters);
    auto kind = json_input::optional_string(body, "kind", 20);
    if (kind && *kind != "granted" && *kind != "adjusted")
        throw ApiError(400, "invalid_field", "kind must be \"granted\" or \"adjusted\"");
    if (kind == "granted" && correction.change < 0)
        throw ApiError(400, "invalid_field", "kind \"granted\" needs a positive change; use \"adjusted\" to take units");
    correction.kind = kind.value_or(correction.change > 0 ? "granted" : "adjusted");
    return correction;
}

}  // namespace billing::host::member_input
