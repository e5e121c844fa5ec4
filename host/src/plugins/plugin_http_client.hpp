#pragma once
#include <memory>

#include <billing/sdk/http_client.hpp>

#include "plugins/callback_table.hpp"
#include "plugins/plugin_guard.hpp"

namespace billing::host {

class OutboundHttpClient;

// Outbound HTTP(S) for one plugin: the answer comes back on the plugin's
// strand, and is dropped if the plugin stopped meanwhile.
class PluginHttpClient : public sdk::HttpClient, public std::enable_shared_from_this<PluginHttpClient> {
public:
    PluginHttpClient(OutboundHttpClient& client, std::shared_ptr<PluginGuard> guard);

    void send(sdk::OutboundRequest request, std::function<void(sdk::OutboundResponse)> on_done) override;

    // Forgets the callbacks of requests still in flight.
    void close();

private:
    using Callback = std::function<void(sdk::OutboundResponse)>;
    void complete(CallbackTable<Callback>::Key key, sdk::OutboundResponse response);

    OutboundHttpClient& client_;
    const std::shared_ptr<PluginGuard> guard_;
    CallbackTable<Callback> callbacks_;
};

}  // namespace billing::host
