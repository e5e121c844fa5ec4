#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace tv {

// The plugin's configuration (plugin.json's config_schema, defaults filled in by the host).
struct TvConfig {
    bool auto_add_stations = true;
    std::string new_station_console_type = "PS4";
    std::int64_t login_nonce_ms = 120'000;
    std::int64_t hello_timeout_ms = 10'000;
    int max_bad_messages = 10;

    static TvConfig from_json(const nlohmann::json& config) {
        return {.auto_add_stations = config.at("auto_add_stations").get<bool>(),
                .new_station_console_type = config.at("new_station_console_type").get<std::string>(),
                .login_nonce_ms = config.at("login_nonce_seconds").get<std::int64_t>() * 1000,
                .hello_timeout_ms = config.at("hello_timeout_seconds").get<std::int64_t>() * 1000,
                .max_bad_messages = config.at("max_bad_messages").get<int>()};
    }
};

}  // namespace tv
