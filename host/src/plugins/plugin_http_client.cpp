#include "plugins/plugin_http_client.hpp"

#include <stdexcept>

#include "net/outbound_http_client.hpp"

namespace billing::host {

PluginHttpClient::PluginHttpClient(OutboundHttpClient& client, std::shared_ptr<PluginGuard> guard)
    : client_(client), guard_(std::move(guard)) {}

void PluginHttpClient::send(sdk::OutboundRequest request, std::function<void(sdk::OutboundResponse)> on_done) {
    if (guard_->closed()) throw std::logic_error("plugin " + guard_->plugin_id() + " is stopped");
    auto key = callbacks_.add(std::move(on_done));
    // The client answers on a network thread; plugin code runs on its strand.
    client_.send(std::move(request), [self = weak_from_this(), poster = guard_->poster(),
                                      key](sdk::OutboundResponse response) {
        poster([self, key, response = std::move(response)]() mutable {
            if (auto client = self.lock()) client->complete(key, std::move(response));
        });
    });
}

void PluginHttpClient::close() { callbacks_.take_all(); }

void PluginHttpClient::complete(CallbackTable<Callback>::Key key, sdk::OutboundResponse response) {
    auto callback = callbacks_.find(key);
    if (!callback) return;
    callbacks_.take(key);
    guard_->call([&] { (*callback)(std::move(response)); });
}

}  // namespace billing::host
