#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "adb_config.hpp"

namespace adb {

// Where a station's TV is reached and why that address was chosen.
struct TvAddress {
    std::string serial;  // adb's name for it: "10.0.0.5:5555"
    std::string source;  // "config", "station" (its ip_address) or "tv" (the paired TV's IP)
};

// The TV of `station` (the rental core's station object): the plugin's
// config for it first, then the station's ip_address, then the IP its paired
// TV page last connected from (`tv_ip`, "" if none). Nothing when none is known.
std::optional<TvAddress> tv_address_of(const AdbConfig& config, const nlohmann::json& station, const std::string& tv_ip);

// "10.0.0.5" -> "10.0.0.5:5555"; an address with its own port stays as it is;
// an IPv6 address gets brackets: "[fd00::5]:5555".
std::string adb_serial(const std::string& address, unsigned short tv_port);

}  // namespace adb
