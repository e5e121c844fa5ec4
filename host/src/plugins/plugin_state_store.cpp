#include "plugins/plugin_state_store.hpp"

#include <soci/soci.h>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace billing::host {

std::optional<SavedPluginState> PluginStateStore::load(const std::string& plugin_id) const {
    std::optional<SavedPluginState> state;
    database_.read([&](soci::session& session) {
        long long enabled = 0;
        std::string config;
        session << "SELECT enabled, config FROM plugin_state WHERE id = :id", soci::into(enabled),
            soci::into(config), soci::use(plugin_id);
        if (!session.got_data()) return;
        auto parsed = nlohmann::json::parse(config, nullptr, /*allow_exceptions=*/false);
        // A hand-edited or damaged value falls back to the defaults rather
        // than keeping the plugin from ever starting.
        state = SavedPluginState{enabled != 0, parsed.is_object() ? parsed : nlohmann::json::object()};
    });
    return state;
}

void PluginStateStore::save_enabled(const std::string& plugin_id, bool enabled) {
    long long flag = enabled ? 1 : 0;
    long long now = now_ms();
    database_.write([&](soci::session& session) {
        session << "INSERT INTO plugin_state (id, enabled, updated_at) VALUES (:id, :enabled, :now) "
                   "ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at",
            soci::use(plugin_id), soci::use(flag), soci::use(now);
    });
}

void PluginStateStore::save_config(const std::string& plugin_id, const nlohmann::json& config, bool enabled) {
    long long flag = enabled ? 1 : 0;
    long long now = now_ms();
    std::string text = config.dump();
    database_.write([&](soci::session& session) {
        session << "INSERT INTO plugin_state (id, enabled, config, updated_at) VALUES (:id, :enabled, :config, :now) "
                   "ON CONFLICT (id) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at",
            soci::use(plugin_id), soci::use(flag), soci::use(text), soci::use(now);
    });
}

}  // namespace billing::host
