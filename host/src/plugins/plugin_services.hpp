#pragma once
#include <filesystem>

namespace billing::sdk {
class Settings;
class QrRenderer;
}  // namespace billing::sdk

namespace billing::host {

struct RentalCore;

class Executors;
class EventBus;
class EventVisibility;
class Router;
class WebSocketRegistry;
class Database;
class AuditLog;
class PermissionCatalog;
class OutboundHttpClient;

// The parts of the host the plugin manager hands to plugins or fills in
// for them (their permissions, event rules, routes, endpoints).
struct PluginServices {
    Executors& executors;
    EventBus& bus;
    EventVisibility& visibility;
    Router& router;
    WebSocketRegistry& websockets;
    Database& database;
    const sdk::Settings& settings;
    AuditLog& audit;
    PermissionCatalog& permissions;
    OutboundHttpClient& http_client;
    const sdk::QrRenderer& qr;
    std::filesystem::path data_dir;
    // The rental core; absent in tests of the plugin machinery alone, where
    // a plugin asking for it faults.
    RentalCore* rental = nullptr;
};

}  // namespace billing::host
