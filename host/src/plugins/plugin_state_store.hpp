#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace billing::host {

class Database;

// What the admin chose for a plugin, remembered across restarts.
struct SavedPluginState {
    bool enabled = false;
    nlohmann::json config = nlohmann::json::object();  // as saved, without defaults
};

// The plugin_state table.
class PluginStateStore {
public:
    explicit PluginStateStore(Database& database) : database_(database) {}

    // Nothing when the admin never touched the plugin.
    std::optional<SavedPluginState> load(const std::string& plugin_id) const;
    // Keeps a saved configuration.
    void save_enabled(const std::string& plugin_id, bool enabled);
    // `enabled` is stored only when the plugin has no row yet.
    void save_config(const std::string& plugin_id, const nlohmann::json& config, bool enabled);

private:
    Database& database_;
};

}  // namespace billing::host
