#include "settings/settings_store.hpp"

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <billing/sdk/http.hpp>
#include <billing/sdk/topics.hpp>

#include "bus/event_bus.hpp"
#include "storage/database.hpp"

namespace billing::host {

SettingsStore::SettingsStore(Database& database, EventBus& bus, SettingRules rules)
    : database_(database), bus_(bus), rules_(std::move(rules)) {
    reload();
}

nlohmann::json SettingsStore::all() const {
    std::shared_lock lock(cache_mutex_);
    return cache_;
}

nlohmann::json SettingsStore::get(const std::string& key) const {
    std::shared_lock lock(cache_mutex_);
    auto it = cache_.find(key);
    return it == cache_.end() ? nlohmann::json(nullptr) : *it;
}

nlohmann::json SettingsStore::update(const nlohmann::json& changes) {
    if (!changes.is_object()) throw sdk::ApiError(400, "invalid_body", "the settings must be a JSON object");
    std::lock_guard serial(update_mutex_);
    const auto current = all();

    nlohmann::json changed = nlohmann::json::object();
    for (const auto& [key, value] : changes.items()) {
        if (!SettingRules::is_known(key)) throw sdk::ApiError(400, "unknown_setting", key + " is not a setting");
        auto normalised = rules_.validate(key, value, current.at(key));
        if (normalised != current.at(key)) changed[key] = std::move(normalised);
    }
    if (changed.empty()) return current;

    database_.write([&](soci::session& session) {
        for (const auto& [key, value] : changed.items()) {
            const auto stored = value.dump();
            session << "INSERT INTO settings (key, value) VALUES (:key, :value) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                soci::use(key), soci::use(stored);
        }
    });

    auto updated = current;
    nlohmann::json changed_keys = nlohmann::json::array();
    for (const auto& [key, value] : changed.items()) {
        updated[key] = value;
        changed_keys.push_back(key);
    }
    {
        std::unique_lock lock(cache_mutex_);
        cache_ = updated;
    }
    spdlog::info("settings changed: {}", changed_keys.dump());
    bus_.publish(sdk::topics::settings_changed, {{"changed", changed_keys}, {"settings", updated}}, "host");
    return updated;
}

void SettingsStore::reload() {
    auto loaded = SettingRules::defaults();
    database_.read([&](soci::session& session) {
        std::string key, stored;
        soci::statement rows = (session.prepare << "SELECT key, value FROM settings", soci::into(key),
                                soci::into(stored));
        rows.execute();
        while (rows.fetch()) {
            if (!SettingRules::is_known(key)) continue;
            auto value = nlohmann::json::parse(stored, nullptr, /*allow_exceptions=*/false);
            if (value.is_discarded()) {
                spdlog::warn("setting {} holds invalid JSON in the database; using its default", key);
                continue;
            }
            loaded[key] = std::move(value);
        }
    });
    std::unique_lock lock(cache_mutex_);
    cache_ = std::move(loaded);
}

}  // namespace billing::host
