#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "billing/sdk/abi.hpp"
#include "billing/sdk/http.hpp"

namespace billing::sdk {

// One open WebSocket connection to a plugin endpoint. Safe to keep and to
// call from any thread; calls on a closed connection do nothing.
class BILLING_SDK_API WebSocketConnection {
public:
    virtual ~WebSocketConnection() = default;
    virtual std::uint64_t id() const = 0;
    virtual const std::string& remote_address() const = 0;
    virtual const std::map<std::string, std::string>& query() const = 0;
    virtual const std::map<std::string, std::string>& headers() const = 0;  // lower-case names
    virtual const std::optional<UserInfo>& user() const = 0;
    // Queues a text message. A client that does not keep up is disconnected.
    virtual void send(std::string text) = 0;
    virtual void close(const std::string& reason) = 0;
    virtual bool is_open() const = 0;
};

using WebSocketPtr = std::shared_ptr<WebSocketConnection>;

// Callbacks of an endpoint; all run on the plugin's strand.
struct WebSocketHandlers {
    std::function<void(const WebSocketPtr&)> on_open;
    std::function<void(const WebSocketPtr&, const std::string& text)> on_message;
    std::function<void(const WebSocketPtr&)> on_close;
};

struct WebSocketOptions {
    Access access = Access::anyone();
    std::size_t max_message_bytes = 64 * 1024;
};

// WebSocket endpoints of one plugin, served at /ws/<plugin id><path>
// (`path` empty or starting with '/'). Removed, with their connections
// closed, when the plugin stops.
class BILLING_SDK_API WebSocketEndpoints {
public:
    virtual ~WebSocketEndpoints() = default;
    virtual std::uint64_t add(const std::string& path, WebSocketHandlers handlers,
                              WebSocketOptions options = {}) = 0;
    virtual void remove(std::uint64_t endpoint_id) = 0;
};

}  // namespace billing::sdk
