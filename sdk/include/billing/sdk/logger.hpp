#pragma once
#include <string_view>

#include "billing/sdk/abi.hpp"

namespace billing::sdk {

enum class LogLevel { trace, debug, info, warn, error };

// The host's logger, already tagged with the plugin's id. Never pass secrets
// (tokens, passwords, keys) to it.
class BILLING_SDK_API Logger {
public:
    virtual ~Logger() = default;
    virtual void log(LogLevel level, std::string_view message) = 0;

    void debug(std::string_view message) { log(LogLevel::debug, message); }
    void info(std::string_view message) { log(LogLevel::info, message); }
    void warn(std::string_view message) { log(LogLevel::warn, message); }
    void error(std::string_view message) { log(LogLevel::error, message); }
};

}  // namespace billing::sdk
