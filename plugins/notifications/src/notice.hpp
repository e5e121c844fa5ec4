#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace notifications {

// One thing to tell people, before it is delivered anywhere.
struct Notice {
    std::string kind;      // ending_soon, session_ended, tv_offline, adb_unauthorized, plugin_faulted
    std::string severity;  // info, warning, critical (the TV page's notice levels too)
    std::string title;
    std::string body;
    std::optional<std::int64_t> station_id;
    std::string station_code;  // "" when it concerns no station
    std::optional<std::int64_t> session_id;
    nlohmann::json data = nlohmann::json::object();  // the facts, for a dashboard that words it itself
    std::string audience = "sessions.view";          // the permission needed to see it
    std::string tv_text;                             // the short line shown on the station's TV
};

}  // namespace notifications
