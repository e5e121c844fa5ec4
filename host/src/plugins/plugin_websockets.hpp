#pragma once
#include <memory>

#include <billing/sdk/websocket.hpp>

#include "plugins/callback_table.hpp"
#include "plugins/plugin_guard.hpp"

namespace billing::host {

class WebSocketRegistry;

// The WebSocket endpoints of one plugin, served at /ws/<id><path>, their
// handlers run on the plugin's strand and guarded.
class PluginWebSockets : public sdk::WebSocketEndpoints, public std::enable_shared_from_this<PluginWebSockets> {
public:
    PluginWebSockets(WebSocketRegistry& registry, std::shared_ptr<PluginGuard> guard);

    // `path` is empty or starts with '/'; throws std::invalid_argument if
    // it does not, or if the endpoint exists already.
    std::uint64_t add(const std::string& path, sdk::WebSocketHandlers handlers,
                      sdk::WebSocketOptions options = {}) override;
    void remove(std::uint64_t endpoint_id) override;

    std::size_t count() const { return handlers_.size(); }
    // Removes every endpoint of the plugin, closing their connections.
    void close();

private:
    // Runs one of the plugin's handlers for `key`, if it still exists.
    template <class Member, class... Args>
    void dispatch(CallbackTable<sdk::WebSocketHandlers>::Key key, Member member, const Args&... args);

    WebSocketRegistry& registry_;
    const std::shared_ptr<PluginGuard> guard_;
    CallbackTable<sdk::WebSocketHandlers> handlers_;
};

}  // namespace billing::host
