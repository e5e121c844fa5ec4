#include "plugins/plugin_bus.hpp"

#include <stdexcept>

#include "bus/event_bus.hpp"

namespace billing::host {

PluginBus::PluginBus(EventBus& bus, std::shared_ptr<PluginGuard> guard) : bus_(bus), guard_(std::move(guard)) {}

void PluginBus::publish(const std::string& topic, nlohmann::json payload) {
    bus_.publish(topic, std::move(payload), guard_->plugin_id());
}

sdk::SubscriptionId PluginBus::subscribe(const std::string& pattern, sdk::EventHandler handler) {
    if (guard_->closed()) throw std::logic_error("plugin " + guard_->plugin_id() + " is stopped");
    auto key = handlers_.add(std::move(handler));
    try {
        auto id = bus_.subscribe(
            guard_->plugin_id(), pattern,
            [self = weak_from_this(), key](const sdk::Event& event) {
                if (auto bus = self.lock()) bus->deliver(key, event);
            },
            guard_->poster());
        handlers_.set_host_id(key, id);
    } catch (...) {
        handlers_.take(key);
        throw;
    }
    return key;
}

void PluginBus::unsubscribe(sdk::SubscriptionId id) {
    if (auto subscription = handlers_.take(id)) bus_.unsubscribe(*subscription);
}

void PluginBus::close() {
    for (auto subscription : handlers_.take_all()) bus_.unsubscribe(subscription);
}

void PluginBus::deliver(CallbackTable<sdk::EventHandler>::Key key, const sdk::Event& event) {
    if (auto handler = handlers_.find(key)) guard_->call([&] { (*handler)(event); });
}

}  // namespace billing::host
