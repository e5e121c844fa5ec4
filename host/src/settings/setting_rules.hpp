#pragma once
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace billing::host {

// What each shop setting may hold, and its default. Values are normalised
// on the way in (a WhatsApp number 0812… becomes 62812…), so every reader
// sees one form.
class SettingRules {
public:
    // `zoneinfo` is where IANA time zone files are looked up.
    explicit SettingRules(std::filesystem::path zoneinfo = "/usr/share/zoneinfo");

    // Every setting with its default value.
    static const nlohmann::json& defaults();
    static bool is_known(const std::string& key);

    // The normalised value for `key`, or sdk::ApiError(400, "invalid_field")
    // naming the field and what it must be. `current` is the key's value now
    // (a partial currency object is merged into it).
    nlohmann::json validate(const std::string& key, const nlohmann::json& value, const nlohmann::json& current) const;

private:
    nlohmann::json time_zone(const nlohmann::json& value) const;

    std::filesystem::path zoneinfo_;
};

}  // namespace billing::host
