#include "plugins/plugin_websockets.hpp"

#include <stdexcept>

#include "api/websocket_registry.hpp"

namespace billing::host {

PluginWebSockets::PluginWebSockets(WebSocketRegistry& registry, std::shared_ptr<PluginGuard> guard)
    : registry_(registry), guard_(std::move(guard)) {}

std::uint64_t PluginWebSockets::add(const std::string& path, sdk::WebSocketHandlers handlers,
                                    sdk::WebSocketOptions options) {
    if (guard_->closed()) throw std::logic_error("plugin " + guard_->plugin_id() + " is stopped");
    if (!path.empty() && path.front() != '/')
        throw std::invalid_argument("WebSocket path '" + path + "' must be empty or start with '/'");
    auto key = handlers_.add(std::move(handlers));
    std::weak_ptr<PluginWebSockets> self = weak_from_this();
    WebSocketEndpoint endpoint;
    endpoint.path = "/ws/" + guard_->plugin_id() + path;
    endpoint.owner = guard_->plugin_id();
    endpoint.options = std::move(options);
    endpoint.poster = guard_->poster();
    endpoint.handlers.on_open = [self, key](const sdk::WebSocketPtr& connection) {
        if (auto endpoints = self.lock()) endpoints->dispatch(key, &sdk::WebSocketHandlers::on_open, connection);
    };
    endpoint.handlers.on_message = [self, key](const sdk::WebSocketPtr& connection, const std::string& text) {
        if (auto endpoints = self.lock())
            endpoints->dispatch(key, &sdk::WebSocketHandlers::on_message, connection, text);
    };
    endpoint.handlers.on_close = [self, key](const sdk::WebSocketPtr& connection) {
        if (auto endpoints = self.lock()) endpoints->dispatch(key, &sdk::WebSocketHandlers::on_close, connection);
    };
    try {
        handlers_.set_host_id(key, registry_.add(std::move(endpoint)));
    } catch (...) {
        handlers_.take(key);
        throw;
    }
    return key;
}

void PluginWebSockets::remove(std::uint64_t endpoint_id) {
    if (auto endpoint = handlers_.take(endpoint_id)) registry_.remove(*endpoint);
}

void PluginWebSockets::close() {
    for (auto endpoint : handlers_.take_all()) registry_.remove(endpoint);
}

template <class Member, class... Args>
void PluginWebSockets::dispatch(CallbackTable<sdk::WebSocketHandlers>::Key key, Member member,
                                const Args&... args) {
    auto handlers = handlers_.find(key);
    if (!handlers) return;
    const auto& handler = (*handlers).*member;
    if (handler) guard_->call([&] { handler(args...); });
}

}  // namespace billing::host
