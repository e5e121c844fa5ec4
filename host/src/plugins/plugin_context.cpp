#include "plugins/plugin_context.hpp"

#include "core/executors.hpp"
#include "plugins/plugin_bus.hpp"
#include "plugins/plugin_http_client.hpp"
#include "plugins/plugin_http_routes.hpp"
#include "plugins/plugin_rental.hpp"
#include "plugins/plugin_scheduler.hpp"
#include "plugins/plugin_websockets.hpp"

namespace billing::host {

PluginContext::PluginContext(const PluginServices& services, std::shared_ptr<PluginGuard> guard,
                             nlohmann::json config)
    : guard_(std::move(guard)),
      config_(std::move(config)),
      data_directory_(services.data_dir / "plugins" / guard_->plugin_id()),
      logger_(guard_->plugin_id()),
      storage_(services.database, guard_->plugin_id()),
      audit_(services.audit, guard_->plugin_id()),
      settings_(services.settings),
      qr_(services.qr),
      bus_(std::make_shared<PluginBus>(services.bus, guard_)),
      scheduler_(std::make_shared<PluginScheduler>(services.executors.work(), guard_)),
      routes_(std::make_shared<PluginHttpRoutes>(services.router, guard_)),
      websockets_(std::make_shared<PluginWebSockets>(services.websockets, guard_)),
      http_client_(std::make_shared<PluginHttpClient>(services.http_client, guard_)),
      rental_(services.rental ? std::make_unique<PluginRental>(*services.rental, services.audit, guard_->plugin_id())
                              : nullptr) {}

PluginContext::~PluginContext() { close(); }

nlohmann::json PluginContext::config() const {
    std::lock_guard lock(config_mutex_);
    return config_;
}

void PluginContext::set_config(nlohmann::json config) {
    std::lock_guard lock(config_mutex_);
    config_ = std::move(config);
}

std::string PluginContext::data_directory() const {
    std::filesystem::create_directories(data_directory_);
    return data_directory_.string();
}

sdk::Bus& PluginContext::bus() { return *bus_; }
sdk::Scheduler& PluginContext::scheduler() { return *scheduler_; }
sdk::HttpRoutes& PluginContext::routes() { return *routes_; }
sdk::WebSocketEndpoints& PluginContext::websockets() { return *websockets_; }
sdk::HttpClient& PluginContext::http_client() { return *http_client_; }

sdk::Rental& PluginContext::rental() {
    if (!rental_) throw std::logic_error("the rental core is not available to plugin " + plugin_id());
    return *rental_;
}

std::size_t PluginContext::route_count() const { return routes_->count(); }
std::size_t PluginContext::websocket_count() const { return websockets_->count(); }

void PluginContext::close() {
    guard_->close();
    routes_->close();
    websockets_->close();
    bus_->close();
    scheduler_->close();
    http_client_->close();
}

}  // namespace billing::host
