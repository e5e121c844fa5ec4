#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "adb_failure.hpp"
#include "tv_actions.hpp"

namespace adb {

// One action queued for one station's TV.
struct Command {
    std::uint64_t id = 0;
    std::int64_t station_id = 0;
    std::string station_code;
    ActionPlan plan;
    std::string source;  // "api", "automation" or "tv.command"
    std::string actor;   // the user, "plugin:adb-control", or the requesting plugin
    nlohmann::json request_id = nullptr;  // as a tv.command sent it
};

// How a command ended, reported by the TV's worker thread.
struct CommandResult {
    Command command;
    std::string serial;  // the TV's adb address
    bool ok = false;
    std::string output;  // the last step's output
    std::optional<FailureKind> failure;
    std::string message;
    int attempts = 0;
    // The TV's adb link as the command left it: "connected", "unauthorized",
    // "offline", or "" when the server itself failed.
    std::string connection;
};

}  // namespace adb
