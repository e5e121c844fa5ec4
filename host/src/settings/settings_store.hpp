#pragma once
#include <mutex>
#include <shared_mutex>
#include <string>

#include <billing/sdk/settings.hpp>
#include <nlohmann/json.hpp>

#include "settings/setting_rules.hpp"

namespace billing::host {

class Database;
class EventBus;

// The shop's settings, stored one row per key in the settings table and
// cached in memory (every page render reads them). Keys never stored hold
// their defaults.
class SettingsStore : public sdk::Settings {
public:
    SettingsStore(Database& database, EventBus& bus, SettingRules rules = SettingRules{});

    nlohmann::json all() const override;
    nlohmann::json get(const std::string& key) const override;

    // Applies a partial object of settings: validates every key first
    // (sdk::ApiError 400 unknown_setting / invalid_field / invalid_body,
    // nothing changed), writes the changed ones in one transaction, publishes
    // settings.changed {changed, settings} if any changed, returns all().
    nlohmann::json update(const nlohmann::json& changes);

    // Reads the settings again from the database (after a restore).
    void reload();

private:
    Database& database_;
    EventBus& bus_;
    const SettingRules rules_;
    std::mutex update_mutex_;  // one update at a time: each validates against the last
    mutable std::shared_mutex cache_mutex_;
    nlohmann::json cache_;
};

}  // namespace billing::host
