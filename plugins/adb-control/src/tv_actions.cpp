#include "tv_actions.hpp"

#include <algorithm>

#include <billing/sdk/http.hpp>

namespace adb {

namespace {

using billing::sdk::ApiError;

// Key events of Android's KeyEvent: SLEEP and WAKEUP rather than POWER (26),
// which toggles and so cannot be repeated safely.
constexpr int kWakeUp = 224, kSleep = 223, kVolumeUp = 24, kVolumeDown = 25, kMute = 164;

ShellStep key(const std::string& code) { return {"input keyevent " + code, std::chrono::milliseconds(0)}; }
ShellStep key(int code) { return key(std::to_string(code)); }

void allow_only(const nlohmann::json& args, const std::vector<std::string>& allowed) {
    for (const auto& [name, value] : args.items())
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            throw ApiError(400, "unknown_field",
                           "field \"" + name + "\" is not used by this action" +
                               (allowed.empty() ? std::string() : " (it takes: " + allowed.front() + ")"));
}

int volume_level(const nlohmann::json& args, int volume_max) {
    if (!args.contains("level")) throw ApiError(400, "missing_field", "level is required (0 to " + std::to_string(volume_max) + ")");
    const auto& level = args["level"];
    if (!level.is_number_integer() || level.get<std::int64_t>() < 0 || level.get<std::int64_t>() > volume_max)
        throw ApiError(400, "invalid_field", "level must be a whole number from 0 to " + std::to_string(volume_max));
    return level.get<int>();
}

}  // namespace

const std::vector<std::string>& action_names() {
    static const std::vector<std::string> names{"wake",       "sleep", "volume_up", "volume_down", "mute",
                                                "set_volume", "hdmi",  "kiosk",     "read_screen", "reconnect"};
    return names;
}

ActionPlan plan_action(const std::string& action, const nlohmann::json& args, const BrandProfile& brand) {
    if (!args.is_object()) throw ApiError(400, "invalid_body", "the request body must be a JSON object");
    const auto& names = action_names();
    if (std::find(names.begin(), names.end(), action) == names.end())
        throw ApiError(404, "unknown_action", "there is no adb action \"" + action + "\"");
    allow_only(args, action == "set_volume" ? std::vector<std::string>{"level"} : std::vector<std::string>{});

    ActionPlan plan{.action = action, .args = nlohmann::json::object(), .steps = {}, .reconnect = false};
    if (action == "wake") plan.steps = {key(kWakeUp)};
    if (action == "sleep") plan.steps = {key(kSleep)};
    if (action == "volume_up") plan.steps = {key(kVolumeUp)};
    if (action == "volume_down") plan.steps = {key(kVolumeDown)};
    if (action == "mute") plan.steps = {key(kMute)};
    if (action == "set_volume") {
        const auto level = volume_level(args, brand.volume_max);
        plan.args = {{"level", level}};
        plan.steps = {{"cmd media_session volume --stream 3 --set " + std::to_string(level), std::chrono::milliseconds(0)}};
    }
    if (action == "hdmi") {
        for (const auto& name : brand.hdmi_keys) plan.steps.push_back({"input keyevent " + name, brand.key_delay});
        if (!plan.steps.empty()) plan.steps.back().pause_after = std::chrono::milliseconds(0);
    }
    if (action == "kiosk") plan.steps = {{"am start -n " + brand.kiosk_activity, std::chrono::milliseconds(0)}};
    if (action == "read_screen") plan.steps = {{"dumpsys power", std::chrono::milliseconds(0)}};
    if (action == "reconnect") plan.reconnect = true;
    return plan;
}

}  // namespace adb
