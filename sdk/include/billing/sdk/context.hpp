#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "billing/sdk/abi.hpp"
#include "billing/sdk/audit.hpp"
#include "billing/sdk/bus.hpp"
#include "billing/sdk/http.hpp"
#include "billing/sdk/http_client.hpp"
#include "billing/sdk/logger.hpp"
#include "billing/sdk/qr.hpp"
#include "billing/sdk/rental.hpp"
#include "billing/sdk/scheduler.hpp"
#include "billing/sdk/settings.hpp"
#include "billing/sdk/storage.hpp"
#include "billing/sdk/websocket.hpp"

namespace billing::sdk {

// Everything the host gives one plugin. It stays valid from start() until
// stop() has returned. Whatever a plugin registers through it (routes,
// subscriptions, timers, WebSocket endpoints) is tracked by the host and
// removed automatically when the plugin stops, faults or is turned off.
//
// New services are appended at the end of this class (a minor ABI bump), so
// plugins built against an older minor version keep working.
class BILLING_SDK_API PluginContext {
public:
    virtual ~PluginContext() = default;
    virtual const std::string& plugin_id() const = 0;
    // The plugin's configuration, validated against its manifest's schema
    // with defaults filled in.
    virtual nlohmann::json config() const = 0;
    // A folder of the plugin's own inside the data directory, created on demand.
    virtual std::string data_directory() const = 0;
    virtual Logger& log() = 0;
    virtual Bus& bus() = 0;
    virtual Scheduler& scheduler() = 0;
    virtual HttpRoutes& routes() = 0;
    virtual WebSocketEndpoints& websockets() = 0;
    virtual Storage& storage() = 0;
    virtual const Settings& settings() const = 0;
    virtual Audit& audit() = 0;
    virtual HttpClient& http_client() = 0;
    virtual const QrRenderer& qr() const = 0;
    // Since ABI 1.1.
    virtual Rental& rental() = 0;
};

}  // namespace billing::sdk
