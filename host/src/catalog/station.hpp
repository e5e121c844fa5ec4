#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace billing::host {

// One console and its TV, as stored. Its live state (locked, active, ...)
// is not here: the sessions module adds it (sessions/station_board.hpp).
struct Station {
    std::int64_t id = 0;
    std::string code;          // "TV01", unique without regard to case
    std::string name;
    std::string console_type;  // PS3, PS4, PS5, other
    std::optional<std::int64_t> tariff_package_id;  // the open-play package for walk-ins
    std::optional<std::string> ip_address;          // the TV's fixed address, unique
    bool enabled = true;
    bool maintenance = false;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
};

// {id, code, name, console_type, tariff_package_id, ip_address, enabled,
//  maintenance, created_at, updated_at}; instants as ISO-8601, absent
// optionals as null.
void to_json(nlohmann::json& json, const Station& station);

}  // namespace billing::host
