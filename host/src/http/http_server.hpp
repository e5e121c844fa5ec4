#pragma once
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace billing::host {

class Executors;
class Router;
class WebSocketRegistry;
class Authenticator;
class AuditLog;
class EventBus;
class EventVisibility;

struct HttpServerOptions {
    std::string bind_address = "0.0.0.0";
    unsigned short port = 8080;        // 0: any free port (see HttpServer::port)
    std::size_t body_limit = 1 << 20;  // per request, unless a route says otherwise
    std::size_t header_limit = 16 * 1024;
    std::chrono::seconds request_timeout{30};  // to read a whole request
    std::chrono::seconds idle_timeout{60};     // keep-alive between requests
    std::chrono::seconds sse_heartbeat{15};
    std::size_t connection_queue_limit = 256;  // queued SSE/WebSocket messages before a drop
    std::filesystem::path web_root;            // static files; empty: none
    // The folder of a plugin's own pages, served under /plugin-web/<id>/;
    // an empty path (or no function) serves nothing for that plugin.
    std::function<std::filesystem::path(const std::string& plugin_id)> plugin_web_root;
};

struct HttpServices {
    Executors& executors;
    Router& router;
    WebSocketRegistry& websockets;
    const Authenticator& authenticator;
    AuditLog& audit;
    EventBus& bus;
    const EventVisibility& visibility;
};

// The HTTP/1.1 server on Boost.Beast: the /api/v1 routes, Server-Sent Events
// at /api/v1/events, WebSocket upgrades to plugin endpoints under /ws/, and
// static files of the web root for everything else.
class HttpServer {
public:
    HttpServer(HttpServerOptions options, HttpServices services);
    ~HttpServer();

    // Binds and starts accepting; throws std::runtime_error with the address
    // if it cannot. Returns the bound port.
    unsigned short start();
    // Stops accepting, closes idle keep-alive, SSE and WebSocket connections,
    // lets requests in flight finish; returns when none is left or after
    // `grace`.
    void shutdown(std::chrono::milliseconds grace);

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace billing::host
