#pragma once
#include <nlohmann/json.hpp>

#include "billing/sdk/abi.hpp"
#include "billing/sdk/context.hpp"

namespace billing::sdk {

// A plugin. The host calls these on the plugin's strand, never concurrently.
// An exception escaping any of them (other than ApiError from a route) marks
// the plugin faulted: the host removes its registrations and keeps serving.
class BILLING_SDK_API Plugin {
public:
    virtual ~Plugin() = default;
    // Registers routes, subscriptions, timers and endpoints; runs migrations.
    virtual void start(PluginContext& context) = 0;
    // Called after the host has removed everything the plugin registered.
    virtual void stop() {}
    // A new configuration, already validated, applied while running. Throw
    // ApiError to refuse it (the previous configuration then stays).
    virtual void configure(const nlohmann::json& config) { (void)config; }
};

}  // namespace billing::sdk
