#include "api/websocket_registry.hpp"

#include <stdexcept>

namespace billing::host {

std::uint64_t WebSocketRegistry::add(WebSocketEndpoint endpoint) {
    if (endpoint.path.rfind("/ws/", 0) != 0)
        throw std::invalid_argument("WebSocket endpoint path '" + endpoint.path + "' must start with /ws/");
    if (!endpoint.poster)
        throw std::invalid_argument("WebSocket endpoint " + endpoint.path + " has no poster");
    std::lock_guard lock(mutex_);
    for (const auto& [id, slot] : slots_) {
        if (slot.endpoint->path == endpoint.path)
            throw std::invalid_argument("WebSocket endpoint " + endpoint.path + " is already taken by " +
                                        slot.endpoint->owner);
    }
    auto id = next_id_++;
    slots_[id].endpoint = std::make_shared<const WebSocketEndpoint>(std::move(endpoint));
    return id;
}

void WebSocketRegistry::remove(std::uint64_t endpoint_id) {
    std::vector<Slot> removed;
    {
        std::lock_guard lock(mutex_);
        auto it = slots_.find(endpoint_id);
        if (it == slots_.end()) return;
        removed.push_back(std::move(it->second));
        slots_.erase(it);
    }
    close_all(removed);
}

void WebSocketRegistry::remove_owner(const std::string& owner) {
    std::vector<Slot> removed;
    {
        std::lock_guard lock(mutex_);
        for (auto it = slots_.begin(); it != slots_.end();) {
            if (it->second.endpoint->owner == owner) {
                removed.push_back(std::move(it->second));
                it = slots_.erase(it);
            } else {
                ++it;
            }
        }
    }
    close_all(removed);
}

WebSocketRegistry::Found WebSocketRegistry::find(const std::string& path) const {
    std::lock_guard lock(mutex_);
    for (const auto& [id, slot] : slots_) {
        if (slot.endpoint->path == path) return {id, slot.endpoint};
    }
    return {};
}

void WebSocketRegistry::attach(std::uint64_t endpoint_id, const sdk::WebSocketPtr& connection) {
    {
        std::lock_guard lock(mutex_);
        auto it = slots_.find(endpoint_id);
        if (it != slots_.end()) {
            it->second.connections[connection->id()] = connection;
            return;
        }
    }
    // The endpoint was removed while this connection was being accepted: it
    // must not outlive its endpoint.
    connection->close("endpoint removed");
}

void WebSocketRegistry::detach(std::uint64_t endpoint_id, std::uint64_t connection_id) {
    std::lock_guard lock(mutex_);
    auto it = slots_.find(endpoint_id);
    if (it != slots_.end()) it->second.connections.erase(connection_id);
}

std::size_t WebSocketRegistry::connection_count(const std::string& owner) const {
    std::lock_guard lock(mutex_);
    std::size_t count = 0;
    for (const auto& [id, slot] : slots_) {
        if (slot.endpoint->owner != owner) continue;
        for (const auto& [connection_id, connection] : slot.connections) count += connection.expired() ? 0 : 1;
    }
    return count;
}

// Runs outside the lock: close() may call back into detach().
void WebSocketRegistry::close_all(std::vector<Slot>& removed) {
    for (auto& slot : removed) {
        for (auto& [connection_id, weak] : slot.connections) {
            if (auto connection = weak.lock()) connection->close("endpoint removed");
        }
    }
}

}  // namespace billing::host
