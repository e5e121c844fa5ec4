#include "adb_config.hpp"

#include <algorithm>
#include <cctype>

namespace adb {

namespace {

bool all_of_chars(const std::string& text, const char* extra) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [extra](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || std::string_view(extra).find(c) != std::string_view::npos;
    });
}

// The brand as configured; key names and the activity end up in a shell
// command line on the TV, so only their plain characters are allowed.
std::optional<BrandProfile> brand_of_json(const nlohmann::json& entry, const std::string& where,
                                          std::vector<std::string>& problems) {
    BrandProfile brand{.name = entry.at("name").get<std::string>(),
                       .hdmi_keys = entry.at("hdmi_keys").get<std::vector<std::string>>(),
                       .key_delay = std::chrono::milliseconds(entry.value("key_delay_ms", 300)),
                       .kiosk_activity = entry.at("kiosk_activity").get<std::string>(),
                       .volume_max = entry.value("volume_max", 15)};
    for (std::size_t i = 0; i < brand.hdmi_keys.size(); ++i) {
        if (!all_of_chars(brand.hdmi_keys[i], "_")) {
            problems.push_back(where + ".hdmi_keys[" + std::to_string(i) + "] \"" + brand.hdmi_keys[i] +
                               "\" is not a key name or code (letters, digits and _ only, e.g. KEYCODE_TV_INPUT_HDMI_1)");
            return std::nullopt;
        }
    }
    if (!all_of_chars(brand.kiosk_activity, "._/$") || brand.kiosk_activity.find('/') == std::string::npos) {
        problems.push_back(where + ".kiosk_activity \"" + brand.kiosk_activity +
                           "\" is not a package/activity name (e.g. de.ozerov.fully/.MainActivity)");
        return std::nullopt;
    }
    return brand;
}

}  // namespace

std::string station_key(std::string code) {
    for (auto& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return code;
}

AdbConfig AdbConfig::from_json(const nlohmann::json& config, std::vector<std::string>& problems) {
    AdbConfig result;
    result.server = {.address = {.host = config.at("adb_host").get<std::string>(),
                                 .port = config.at("adb_port").get<unsigned short>()},
                     .adb_path = config.at("adb_path").get<std::string>(),
                     .start_server = config.at("start_server").get<bool>(),
                     .timeout = std::chrono::milliseconds(config.at("command_timeout_ms").get<int>())};
    result.tv_port = config.at("tv_port").get<unsigned short>();
    result.connect_timeout = std::chrono::milliseconds(config.at("connect_timeout_ms").get<int>());
    result.retries = config.at("retries").get<int>();
    result.retry_backoff = std::chrono::milliseconds(config.at("retry_backoff_ms").get<int>());
    result.poll_interval = std::chrono::seconds(config.at("poll_seconds").get<int>());
    result.max_queue = config.at("max_queue").get<std::size_t>();
    result.default_volume = config.at("default_volume").get<int>();
    result.default_brand = config.at("default_brand").get<std::string>();
    const auto& automations = config.at("automations");
    result.automations = {.on_session_started = automations.at("on_session_started").get<bool>(),
                          .on_session_ended = automations.at("on_session_ended").get<bool>(),
                          .sleep_after = std::chrono::seconds(automations.at("sleep_after_seconds").get<int>()),
                          .on_tv_command = automations.at("on_tv_command").get<bool>()};

    const auto& brands = config.at("brands");
    for (std::size_t i = 0; i < brands.size(); ++i) {
        const auto where = "$.brands[" + std::to_string(i) + "]";
        auto brand = brand_of_json(brands[i], where, problems);
        if (!brand) continue;
        if (result.brands.contains(brand->name)) {
            problems.push_back(where + ".name \"" + brand->name + "\" is used twice");
            continue;
        }
        result.brands.emplace(brand->name, std::move(*brand));
    }
    if (!result.brands.contains(result.default_brand)) {
        problems.push_back("$.default_brand \"" + result.default_brand + "\" is not one of the brands");
        // Actions still need some profile: the first brand, or a bare one.
        result.default_brand = result.brands.empty() ? "" : result.brands.begin()->first;
        if (result.brands.empty()) result.brands.emplace("", BrandProfile{});
    }

    const auto& stations = config.at("stations");
    for (std::size_t i = 0; i < stations.size(); ++i) {
        const auto where = "$.stations[" + std::to_string(i) + "]";
        const auto& entry = stations[i];
        StationSettings station{.code = station_key(entry.at("code").get<std::string>()), .address = {}, .brand = {},
                                .default_volume = {}};
        if (entry.contains("address")) station.address = entry["address"].get<std::string>();
        if (entry.contains("brand")) station.brand = entry["brand"].get<std::string>();
        if (entry.contains("default_volume")) station.default_volume = entry["default_volume"].get<int>();
        if (station.address && !all_of_chars(*station.address, ".:-[]")) {
            problems.push_back(where + ".address \"" + *station.address + "\" is not an IP address or host name");
            continue;
        }
        if (station.brand && !result.brands.contains(*station.brand)) {
            problems.push_back(where + ".brand \"" + *station.brand + "\" is not one of the brands");
            continue;
        }
        if (result.stations.contains(station.code)) {
            problems.push_back(where + ".code \"" + station.code + "\" is listed twice");
            continue;
        }
        result.stations.emplace(station.code, std::move(station));
    }
    return result;
}

StationSettings AdbConfig::station(const std::string& code) const {
    auto found = stations.find(station_key(code));
    if (found != stations.end()) return found->second;
    return {.code = station_key(code), .address = {}, .brand = {}, .default_volume = {}};
}

const BrandProfile& AdbConfig::brand_of(const StationSettings& station) const {
    auto found = brands.find(station.brand.value_or(default_brand));
    return found != brands.end() ? found->second : brands.at(default_brand);
}

int AdbConfig::volume_of(const StationSettings& station) const {
    return std::min(station.default_volume.value_or(default_volume), brand_of(station).volume_max);
}

}  // namespace adb
