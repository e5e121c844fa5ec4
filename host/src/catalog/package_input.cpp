#include "catalog/package_input.hpp"

#include <algorithm>
#include <array>

#include <billing/sdk/http.hpp>

#include "api/json_input.hpp"
#include "core/time_of_day.hpp"

namespace billing::host::package_input {

namespace {

using sdk::ApiError;

constexpr std::size_t max_name_length = 60;
constexpr std::int64_t max_duration_minutes = 24 * 60;
constexpr std::int64_t max_price = 100'000'000;
const std::array<std::string, 5> console_types = {"PS3", "PS4", "PS5", "other", "any"};
const std::array<std::string, 2> kinds = {"fixed", "open"};
const std::array<std::int64_t, 6> rounding_choices = {1, 5, 10, 15, 30, 60};

[[noreturn]] void invalid(const std::string& field, const std::string& expectation) {
    throw ApiError(400, "invalid_field", field + " must be " + expectation);
}

bool is_null(const nlohmann::json& body, const char* field) { return body.at(field).is_null(); }

std::string choice(const nlohmann::json& body, const char* field, const std::string& choices,
                   const auto& allowed) {
    auto text = json_input::required_string(body, field);
    if (std::find(allowed.begin(), allowed.end(), text) == allowed.end())
        invalid(field, "one of " + choices + ", not \"" + text + "\"");
    return text;
}

// Money is whole rupiah, so fractions are refused rather than rounded.
std::int64_t money(const nlohmann::json& body, const char* field) {
    const auto& value = body.at(field);
    const auto expectation = std::string(field) + " must be a whole number of rupiah from 0 to " + std::to_string(max_price);
    if (!value.is_number_integer()) throw ApiError(400, "invalid_price", expectation + ", not " + value.dump());
    // Unsigned JSON numbers may not fit in a signed one.
    const bool in_range = value.is_number_unsigned()
                              ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(max_price)
                              : value.get<std::int64_t>() >= 0 && value.get<std::int64_t>() <= max_price;
    if (!in_range) throw ApiError(400, "invalid_price", expectation + ", not " + value.dump());
    return value.get<std::int64_t>();
}

std::string time_of_day(const nlohmann::json& body, const char* field) {
    const auto& value = body.at(field);
    if (!value.is_string() || !minute_of_day(value.get<std::string>()))
        throw ApiError(400, "invalid_night_window",
                       std::string(field) + " must be a time of day \"HH:MM\" from 00:00 to 23:59, not " + value.dump());
    return value.get<std::string>();
}

std::string kind(const nlohmann::json& body) { return choice(body, "kind", "fixed, open", kinds); }

std::int64_t rounding_minutes(const nlohmann::json& body) {
    auto minutes = json_input::optional_integer(body, "rounding_minutes", 1, 60);
    if (!minutes || std::find(rounding_choices.begin(), rounding_choices.end(), *minutes) == rounding_choices.end())
        invalid("rounding_minutes", "one of 1, 5, 10, 15, 30, 60, not " + body.at("rounding_minutes").dump());
    return *minutes;
}

// What cannot be checked field by field: the duration against the kind, and
// the night price with its window.
void check_whole(const Package& package) {
    if (!package.is_open_play() && !package.duration_minutes)
        throw ApiError(400, "missing_field", "duration_minutes is required for a fixed package");
    if (package.is_open_play() && package.duration_minutes)
        throw ApiError(400, "invalid_field",
                       "duration_minutes is only for fixed packages; open play is billed by the hour");
    const int night_fields = int{package.night_price.has_value()} + int{package.night_from.has_value()} +
                             int{package.night_until.has_value()};
    if (night_fields != 0 && night_fields != 3)
        throw ApiError(400, "invalid_night_window",
                       "night_price, night_from and night_until go together: give all three, or null for none");
    if (package.night_from && package.night_from == package.night_until)
        throw ApiError(400, "invalid_night_window",
                       "night_from and night_until must differ (both are " + *package.night_from + ")");
}

void apply_field(Package& package, const std::string& field, const nlohmann::json& body) {
    if (field == "name") {
        package.name = json_input::one_line_text(body, "name", 1, max_name_length);
    } else if (field == "console_type") {
        package.console_type = choice(body, "console_type", "PS3, PS4, PS5, other, any", console_types);
    } else if (field == "kind") {
        if (auto requested = kind(body); requested != package.kind)
            throw ApiError(409, "package_kind_locked",
                           "package " + std::to_string(package.id) + " is " + package.kind +
                               "; its kind cannot change (create a new package and retire this one)");
    } else if (field == "duration_minutes") {
        package.duration_minutes = json_input::optional_integer(body, "duration_minutes", 1, max_duration_minutes);
    } else if (field == "price") {
        package.price = money(body, "price");
    } else if (field == "night_price") {
        package.night_price = is_null(body, "night_price") ? std::nullopt : std::optional(money(body, "night_price"));
    } else if (field == "night_from") {
        package.night_from = is_null(body, "night_from") ? std::nullopt : std::optional(time_of_day(body, "night_from"));
    } else if (field == "night_until") {
        package.night_until =
            is_null(body, "night_until") ? std::nullopt : std::optional(time_of_day(body, "night_until"));
    } else if (field == "rounding_minutes") {
        package.rounding_minutes = rounding_minutes(body);
    } else if (field == "minimum_charge") {
        package.minimum_charge = money(body, "minimum_charge");
    } else if (field == "active") {
        package.active = json_input::optional_bool(body, "active").value_or(package.active);
    } else {
        throw ApiError(400, "unknown_field",
                       field + " is not a package field (name, console_type, kind, duration_minutes, price, "
                               "night_price, night_from, night_until, rounding_minutes, minimum_charge, active)");
    }
}

void require_object(const nlohmann::json& body) {
    if (!body.is_object()) throw ApiError(400, "invalid_body", "a package must be a JSON object");
}

}  // namespace

Package new_package(const nlohmann::json& body) {
    require_object(body);
    for (const char* field : {"name", "console_type", "kind", "price"})
        if (!body.contains(field) || body[field].is_null())
            throw ApiError(400, "missing_field", std::string(field) + " is required");
    Package package;
    package.kind = kind(body);
    return with_changes(std::move(package), body);
}

Package with_changes(Package package, const nlohmann::json& body) {
    require_object(body);
    for (const auto& item : body.items()) apply_field(package, item.key(), body);
    check_whole(package);
    return package;
}

}  // namespace billing::host::package_input
