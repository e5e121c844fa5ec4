#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "pricing/tariff.hpp"

namespace billing::host {

// A product the shop sells: a fixed duration for a price, or open play at
// an hourly rate. Deactivated packages stay for history.
struct Package {
    std::int64_t id = 0;
    std::string name;
    std::string console_type;  // PS3, PS4, PS5, other, any
    std::string kind;          // fixed, open
    std::optional<std::int64_t> duration_minutes;  // fixed only
    std::int64_t price = 0;    // fixed: the price; open: per hour
    std::optional<std::int64_t> night_price;
    std::optional<std::string> night_from;   // "18:00", with night_price
    std::optional<std::string> night_until;  // "06:00", with night_price
    std::int64_t rounding_minutes = 1;       // open only
    std::int64_t minimum_charge = 0;         // open only
    bool active = true;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;

    bool is_open_play() const { return kind == "open"; }
    // Whether it may run on a station with this console type.
    bool fits(const std::string& station_console_type) const {
        return console_type == "any" || console_type == station_console_type;
    }
    Tariff tariff() const;
};

// Every field; instants as ISO-8601, absent optionals as null.
void to_json(nlohmann::json& json, const Package& package);

}  // namespace billing::host
