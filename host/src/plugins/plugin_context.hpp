#pragma once
#include <filesystem>
#include <memory>
#include <mutex>

#include <billing/sdk/context.hpp>

#include "plugins/plugin_audit.hpp"
#include "plugins/plugin_guard.hpp"
#include "plugins/plugin_logger.hpp"
#include "plugins/plugin_services.hpp"
#include "plugins/plugin_storage.hpp"

namespace billing::host {

class PluginBus;
class PluginScheduler;
class PluginHttpRoutes;
class PluginWebSockets;
class PluginHttpClient;
class PluginRental;

// What the host gives one running plugin instance, tracking everything the
// plugin registers through it so close() can remove it all.
class PluginContext : public sdk::PluginContext {
public:
    PluginContext(const PluginServices& services, std::shared_ptr<PluginGuard> guard, nlohmann::json config);
    ~PluginContext() override;
    PluginContext(const PluginContext&) = delete;
    PluginContext& operator=(const PluginContext&) = delete;

    const std::string& plugin_id() const override { return guard_->plugin_id(); }
    nlohmann::json config() const override;
    std::string data_directory() const override;
    sdk::Logger& log() override { return logger_; }
    sdk::Bus& bus() override;
    sdk::Scheduler& scheduler() override;
    sdk::HttpRoutes& routes() override;
    sdk::WebSocketEndpoints& websockets() override;
    sdk::Storage& storage() override { return storage_; }
    const sdk::Settings& settings() const override { return settings_; }
    sdk::Audit& audit() override { return audit_; }
    sdk::HttpClient& http_client() override;
    const sdk::QrRenderer& qr() const override { return qr_; }
    sdk::Rental& rental() override;

    // The configuration after a successful configure().
    void set_config(nlohmann::json config);
    std::size_t route_count() const;
    std::size_t websocket_count() const;

    // Stops every call into the plugin from starting, then removes its
    // routes and WebSocket endpoints (closing their connections), its
    // subscriptions, timers and pending callbacks.
    void close();

private:
    const std::shared_ptr<PluginGuard> guard_;
    mutable std::mutex config_mutex_;
    nlohmann::json config_;
    const std::filesystem::path data_directory_;
    PluginLogger logger_;
    PluginStorage storage_;
    PluginAudit audit_;
    const sdk::Settings& settings_;
    const sdk::QrRenderer& qr_;
    // Shared: queued host closures hold weak references to them.
    std::shared_ptr<PluginBus> bus_;
    std::shared_ptr<PluginScheduler> scheduler_;
    std::shared_ptr<PluginHttpRoutes> routes_;
    std::shared_ptr<PluginWebSockets> websockets_;
    std::shared_ptr<PluginHttpClient> http_client_;
    std::unique_ptr<PluginRental> rental_;  // null without a rental core
};

}  // namespace billing::host
