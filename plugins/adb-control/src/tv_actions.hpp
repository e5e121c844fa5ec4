#pragma once
#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adb_config.hpp"

namespace adb {

// One shell command on the TV, and how long to let the TV settle after it
// (menus of an HDMI key sequence need a moment between keys).
struct ShellStep {
    std::string command;
    std::chrono::milliseconds pause_after{0};
};

// What an action does on a TV.
struct ActionPlan {
    std::string action;
    nlohmann::json args = nlohmann::json::object();
    std::vector<ShellStep> steps;
    bool reconnect = false;  // drop and re-open the TV's adb connection first
};

// The actions, by the names the routes (with '-' for '_'), tv.command
// ("adb.<name>") and the events use: wake, sleep, volume_up, volume_down,
// mute, set_volume {level}, hdmi, kiosk, read_screen, reconnect.
const std::vector<std::string>& action_names();

// The plan of `action` for a TV of `brand`; `args` is the request body
// (set_volume needs {"level": 0..volume_max}). Throws sdk::ApiError 404
// unknown_action, 400 invalid_field / missing_field / unknown_field.
ActionPlan plan_action(const std::string& action, const nlohmann::json& args, const BrandProfile& brand);

}  // namespace adb
