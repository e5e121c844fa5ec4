#pragma once
// The one macro a plugin uses to export its C entry points:
//
//     class HelloPlugin : public billing::sdk::Plugin { ... };
//     BILLING_PLUGIN(HelloPlugin)
//
// billing_plugin_abi() is called before anything else; create() returns
// null instead of throwing; destroy() deletes inside the plugin's library.

#include "billing/sdk/abi.hpp"
#include "billing/sdk/plugin.hpp"

#define BILLING_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))

#define BILLING_PLUGIN(PluginClass)                                              \
    BILLING_PLUGIN_EXPORT const BillingPluginAbi* billing_plugin_abi() noexcept {  \
        static const BillingPluginAbi abi{BILLING_SDK_ABI_MAJOR, BILLING_SDK_ABI_MINOR, \
                                          BILLING_SDK_BUILD_SIGNATURE};            \
        return &abi;                                                             \
    }                                                                            \
    BILLING_PLUGIN_EXPORT ::billing::sdk::Plugin* billing_plugin_create() noexcept { \
        try {                                                                    \
            return new PluginClass();                                            \
        } catch (...) {                                                          \
            return nullptr;                                                      \
        }                                                                        \
    }                                                                            \
    BILLING_PLUGIN_EXPORT void billing_plugin_destroy(::billing::sdk::Plugin* plugin) noexcept { \
        delete plugin;                                                           \
    }
