#include "notify_config.hpp"

#include <algorithm>
#include <functional>

#include "phone_number.hpp"
#include "wall_clock.hpp"

namespace notifications {

namespace {


Rule rule_of(const nlohmann::json& rule) {
    Rule result{.enabled = rule.at("enabled").get<bool>(), .deliver = {}};
    for (const auto& target : rule.at("deliver")) {
        if (target == "dashboard") result.deliver.dashboard = true;
        if (target == "tv") result.deliver.tv = true;
        if (target == "whatsapp") result.deliver.whatsapp = true;
    }
    return result;
}

}  // namespace

NotifyConfig NotifyConfig::from_json(const nlohmann::json& config, std::vector<std::string>& problems) {
    NotifyConfig result;
    result.ending_soon = rule_of(config.at("ending_soon"));
    for (const auto& minutes : config.at("ending_soon").at("minutes")) result.warning_minutes.push_back(minutes.get<int>());
    std::sort(result.warning_minutes.begin(), result.warning_minutes.end(), std::greater<>());
    result.warning_minutes.erase(std::unique(result.warning_minutes.begin(), result.warning_minutes.end()),
                                 result.warning_minutes.end());
    result.session_ended = rule_of(config.at("session_ended"));
    result.tv_offline = rule_of(config.at("tv_offline"));
    result.adb_unauthorized = rule_of(config.at("adb_unauthorized"));
    result.adb_repeat_ms = config.at("adb_unauthorized").at("repeat_minutes").get<std::int64_t>() * kMinute;
    result.plugin_faulted = rule_of(config.at("plugin_faulted"));

    const auto& numbers = config.at("whatsapp_numbers");
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        const auto text = numbers[i].get<std::string>();
        auto number = normalise_phone_number(text);
        if (!number) {
            problems.push_back("$.whatsapp_numbers[" + std::to_string(i) + "] \"" + text +
                               "\" is not a phone number (8 to 15 digits, e.g. 081234567890)");
            continue;
        }
        if (std::find(result.whatsapp_numbers.begin(), result.whatsapp_numbers.end(), *number) ==
            result.whatsapp_numbers.end())
            result.whatsapp_numbers.push_back(*number);
    }
    result.whatsapp_plugin_id = config.at("whatsapp_plugin_id").get<std::string>();
    result.whatsapp_queue_ms = config.at("whatsapp_queue_minutes").get<std::int64_t>() * kMinute;
    result.tv_notice_seconds = config.at("tv_notice_seconds").get<int>();
    result.keep_ms = config.at("keep_days").get<std::int64_t>() * 24 * 60 * kMinute;
    return result;
}

}  // namespace notifications
