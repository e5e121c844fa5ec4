#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include <billing/sdk/user.hpp>

#include "plugins/plugin_services.hpp"

namespace billing::host {

// Finds, loads, starts and stops the plugins, and answers the plugins API.
// Each plugin is running, stopped or faulted (with a reason). Plugins
// refused at discovery (unusable manifest, ABI mismatch, missing dependency,
// dependency cycle) are listed as faulted with the reason and cannot be
// enabled. Every call into a plugin runs under its strand's lock, guarded:
// an exception marks the plugin faulted, removes what it registered and
// publishes plugin.faulted; the host keeps serving.
//
// The API methods throw sdk::ApiError: 404 plugin_not_found, 409
// plugin_refused / plugin_required_by / plugin_requires_disabled, 400
// invalid_config, 500 plugin_faulted.
class PluginManager {
public:
    PluginManager(PluginServices services, std::filesystem::path plugins_dir);
    // Stops what still runs, then unloads the libraries.
    ~PluginManager();
    PluginManager(const PluginManager&) = delete;
    PluginManager& operator=(const PluginManager&) = delete;

    // Reads every <plugins_dir>/<id>/plugin.json before loading any code,
    // registers the plugins' permissions and event rules, loads and checks
    // the libraries, orders them by `requires`, and starts the enabled ones
    // (saved state, else default_enabled) in that order. A missing or
    // unreadable plugins directory is logged, not fatal.
    void start();
    // Stops every running plugin in reverse dependency order (shutdown).
    void stop_all();
    // Stops everything and starts again from the saved state (after a restore).
    void restart_all();

    // {"plugins":[...]}: see docs/api (GET /api/v1/plugins).
    nlohmann::json list() const;
    // One plugin as in list().
    nlohmann::json describe(const std::string& id) const;
    // Enables or disables a plugin, remembered across restarts. Plugins it
    // requires (enabling) or that require it (disabling) are switched too
    // when `cascade`, else it answers 409 naming them. Returns describe(id).
    nlohmann::json set_enabled(const std::string& id, bool enabled, bool cascade);
    // {"pages":[{plugin, name, title, url}]}: the dashboard pages (manifest
    // `web` entries) of the running plugins this user may open.
    nlohmann::json web_pages(const sdk::UserInfo& user) const;
    // The folder a running plugin's page files are served from
    // (<plugin>/web), or an empty path when it has none or does not run.
    std::filesystem::path web_root(const std::string& id) const;
    // {"config": the configuration with defaults, "schema": the manifest's}.
    nlohmann::json config(const std::string& id) const;
    // Validates the whole new configuration, applies it with configure() if
    // the plugin runs (an ApiError from it refuses the change), saves it and
    // publishes plugin.configured. Returns config(id).
    nlohmann::json set_config(const std::string& id, const nlohmann::json& config);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace billing::host
