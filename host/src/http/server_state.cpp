#include "http/server_state.hpp"

#include <vector>

namespace billing::host {

ServerState::ServerState(HttpServerOptions options, HttpServices services)
    : options_(std::move(options)),
      services_(services),
      dispatcher_(services, options_.body_limit),
      static_files_(options_.web_root) {}

void ServerState::join(std::uint64_t id, const std::weak_ptr<LiveConnection>& connection) {
    {
        std::lock_guard lock(mutex_);
        live_[id] = connection;
    }
    // Accepted just as the server began to shut down.
    if (shutting_down_) {
        if (auto live = connection.lock()) live->shutdown();
    }
}

void ServerState::leave(std::uint64_t id) {
    {
        std::lock_guard lock(mutex_);
        live_.erase(id);
    }
    connection_left_.notify_all();
}

std::size_t ServerState::shut_down(std::chrono::milliseconds grace) {
    shutting_down_ = true;
    std::vector<std::shared_ptr<LiveConnection>> connections;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [id, weak] : live_) {
            if (auto connection = weak.lock()) connections.push_back(std::move(connection));
        }
    }
    // Outside the lock: a connection may leave while being told to.
    for (const auto& connection : connections) connection->shutdown();
    connections.clear();

    std::unique_lock lock(mutex_);
    connection_left_.wait_for(lock, grace, [this] { return live_.empty(); });
    return live_.size();
}

}  // namespace billing::host
