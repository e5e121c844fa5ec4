#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace adb {

// What the plugin knows about one station's TV, for the status routes.
struct TvStatus {
    // "unknown", "connected", "disconnected" (adb holds no link yet),
    // "unauthorized" or "offline".
    std::string connection = "unknown";
    std::optional<std::string> screen;  // "awake", "asleep", "dozing", "dreaming"
    std::int64_t screen_at_ms = 0;
    std::optional<int> volume;  // known after set_volume; up/down/mute make it unknown
    nlohmann::json last_error = nullptr;  // {code, message, action, at_ms}
    nlohmann::json last_done = nullptr;   // {action, at_ms}
    std::optional<std::int64_t> sleep_at_ms;  // a pending sleep after the session ended

    nlohmann::json to_json() const {
        return {{"connection", connection},
                {"screen", screen ? nlohmann::json(*screen) : nlohmann::json(nullptr)},
                {"screen_at_ms", screen ? nlohmann::json(screen_at_ms) : nlohmann::json(nullptr)},
                {"volume", volume ? nlohmann::json(*volume) : nlohmann::json(nullptr)},
                {"last_error", last_error},
                {"last_done", last_done},
                {"sleep_at_ms", sleep_at_ms ? nlohmann::json(*sleep_at_ms) : nlohmann::json(nullptr)}};
    }
};

}  // namespace adb
