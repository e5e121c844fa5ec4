#include "members/member_input.hpp"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <stdexcept>

#include <billing/sdk/http.hpp>

#include "api/json_input.hpp"
#include "core/phone_number.hpp"
#include "core/utf8.hpp"

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

// A line of 1..`max` characters without surrounding blanks, or nullopt if absent.
std::optional<std::string> one_line(const nlohmann::json& body, const char* field, std::size_t max) {
    if (!body.contains(field) || body.at(field).is_null()) return std::nullopt;
    return json_input::one_line_text(body, field, 1, max);
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
    json_input::reject_unknown_fields(body, {"name", "phone", "notes"});
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
    if (fields.notes && utf8_character_count(*fields.notes) > max_notes_characters)
        throw ApiError(400, "invalid_field", "notes must be at most " + std::to_string(max_notes_characters) + " characters");
    return fields;
}

Purchase purchase(const nlohmann::json& body) {
    json_input::reject_unknown_fields(body, {"package_id", "units", "amount"});
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
    json_input::reject_unknown_fields(body, {"package_id", "change", "reason", "kind"});
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
