#pragma once
#include <string>

#include <billing/sdk/logger.hpp>

namespace billing::host {

// The host's log, each line tagged with the plugin's id.
class PluginLogger : public sdk::Logger {
public:
    explicit PluginLogger(std::string plugin_id) : plugin_id_(std::move(plugin_id)) {}
    void log(sdk::LogLevel level, std::string_view message) override;

private:
    const std::string plugin_id_;
};

}  // namespace billing::host
