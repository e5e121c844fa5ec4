#pragma once
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server_gate.hpp"

namespace adb {

// How one TV brand is driven: the keys that bring up the console's HDMI
// input and the kiosk browser's activity (the lock screen).
struct BrandProfile {
    std::string name;
    std::vector<std::string> hdmi_keys;  // key names or codes, sent one by one
    std::chrono::milliseconds key_delay{300};
    std::string kiosk_activity;          // package/.Activity for `am start -n`
    int volume_max = 15;
};

// A station's own settings; empty fields fall back to the plugin's defaults.
struct StationSettings {
    std::string code;  // upper case
    std::optional<std::string> address;
    std::optional<std::string> brand;
    std::optional<int> default_volume;
};

struct Automations {
    bool on_session_started = true;
    bool on_session_ended = true;
    std::chrono::seconds sleep_after{0};  // zero: never
    bool on_tv_command = true;
};

// The plugin's configuration (plugin.json's config_schema, defaults filled
// in by the host), with the checks the schema cannot express.
struct AdbConfig {
    ServerSettings server;
    unsigned short tv_port = 5555;
    std::chrono::milliseconds connect_timeout{15'000};
    int retries = 2;
    std::chrono::milliseconds retry_backoff{1000};
    std::chrono::seconds poll_interval{60};
    std::size_t max_queue = 20;
    int default_volume = 8;
    std::string default_brand = "generic";
    Automations automations;
    std::map<std::string, BrandProfile> brands;       // by name
    std::map<std::string, StationSettings> stations;  // by upper-case code

    // Problems (an unknown brand, an unsafe key name, a duplicate station)
    // are listed in `problems` naming the field; the faulty entry is left out.
    static AdbConfig from_json(const nlohmann::json& config, std::vector<std::string>& problems);

    // The station's settings, or defaults for a station the config does not name.
    StationSettings station(const std::string& code) const;
    // The brand a station uses (its own, else default_brand).
    const BrandProfile& brand_of(const StationSettings& station) const;
    int volume_of(const StationSettings& station) const;
};

// A station code as the host stores it (upper case), to match codes given
// in any case.
std::string station_key(std::string code);

}  // namespace adb
