#pragma once
#include <memory>

#include <billing/sdk/bus.hpp>

#include "plugins/callback_table.hpp"
#include "plugins/plugin_guard.hpp"

namespace billing::host {

class EventBus;

// The bus as one plugin sees it: publishes with the plugin as source,
// subscribes with the plugin as owner on its strand, each handler guarded.
class PluginBus : public sdk::Bus, public std::enable_shared_from_this<PluginBus> {
public:
    PluginBus(EventBus& bus, std::shared_ptr<PluginGuard> guard);

    void publish(const std::string& topic, nlohmann::json payload) override;
    sdk::SubscriptionId subscribe(const std::string& pattern, sdk::EventHandler handler) override;
    void unsubscribe(sdk::SubscriptionId id) override;

    // Removes every subscription of the plugin.
    void close();

private:
    void deliver(CallbackTable<sdk::EventHandler>::Key key, const sdk::Event& event);

    EventBus& bus_;
    const std::shared_ptr<PluginGuard> guard_;
    CallbackTable<sdk::EventHandler> handlers_;
};

}  // namespace billing::host
