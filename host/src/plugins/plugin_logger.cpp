#include "plugins/plugin_logger.hpp"

#include <spdlog/spdlog.h>

namespace billing::host {

namespace {

spdlog::level::level_enum to_spdlog(sdk::LogLevel level) {
    switch (level) {
        case sdk::LogLevel::trace: return spdlog::level::trace;
        case sdk::LogLevel::debug: return spdlog::level::debug;
        case sdk::LogLevel::info: return spdlog::level::info;
        case sdk::LogLevel::warn: return spdlog::level::warn;
        case sdk::LogLevel::error: return spdlog::level::err;
    }
    return spdlog::level::info;
}

}  // namespace

void PluginLogger::log(sdk::LogLevel level, std::string_view message) {
    spdlog::log(to_spdlog(level), "[{}] {}", plugin_id_, message);
}

}  // namespace billing::host
