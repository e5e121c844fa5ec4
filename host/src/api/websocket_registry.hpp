#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <billing/sdk/websocket.hpp>

#include "core/poster.hpp"

namespace billing::host {

// A WebSocket endpoint a plugin registered, at a full path (`/ws/<id>...`).
struct WebSocketEndpoint {
    std::string path;
    std::string owner;
    sdk::WebSocketHandlers handlers;
    sdk::WebSocketOptions options;
    Poster poster;  // the owner's strand: every handler runs through it
};

// Endpoints by path, and the open connections of each, so removing an
// endpoint (its plugin stopped) also closes its connections.
class WebSocketRegistry {
public:
    // Throws std::invalid_argument if the path is taken.
    std::uint64_t add(WebSocketEndpoint endpoint);
    void remove(std::uint64_t endpoint_id);
    void remove_owner(const std::string& owner);

    struct Found {
        std::uint64_t endpoint_id = 0;
        std::shared_ptr<const WebSocketEndpoint> endpoint;  // null if none
    };
    Found find(const std::string& path) const;

    // Connections register themselves while open.
    void attach(std::uint64_t endpoint_id, const sdk::WebSocketPtr& connection);
    void detach(std::uint64_t endpoint_id, std::uint64_t connection_id);
    std::size_t connection_count(const std::string& owner) const;

private:
    struct Slot {
        std::shared_ptr<const WebSocketEndpoint> endpoint;
        std::map<std::uint64_t, std::weak_ptr<sdk::WebSocketConnection>> connections;
    };
    void close_all(std::vector<Slot>& removed);

    mutable std::mutex mutex_;
    std::uint64_t next_id_ = 1;
    std::map<std::uint64_t, Slot> slots_;
};

}  // namespace billing::host
