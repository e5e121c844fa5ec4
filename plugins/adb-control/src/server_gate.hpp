#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "adb_launcher.hpp"
#include "adb_server_client.hpp"

namespace adb {

// How the server should be reached and whether the plugin may start it.
struct ServerSettings {
    ServerAddress address;
    std::string adb_path = "adb";
    bool start_server = true;
    std::chrono::milliseconds timeout{10'000};
};

// What is known about the adb server, shared by every TV's worker thread
// and read by the status route. Thread-safe.
class ServerGate {
public:
    explicit ServerGate(ServerSettings settings);

    const ServerSettings& settings() const { return settings_; }
    // Asks the server its version; with `may_start`, starts a server that
    // does not answer (when allowed and adb is installed) and asks again.
    // Records the outcome; throws AdbFailure(server_unavailable) if there is
    // still no server. `cancelled` cuts the waits short.
    void ensure_running(bool may_start, const std::atomic<bool>& cancelled);
    // Records that a later exchange found no server.
    void lost(const std::string& message);
    // Whether actions should be refused right away: no server answered the
    // last check and the plugin cannot start one.
    bool known_unavailable() const;
    // {address, port, state ("unknown"|"running"|"not_running"|"unavailable"),
    //  version, adb_installed, adb_path, message, checked_at_ms}
    nlohmann::json describe() const;

private:
    void record(const std::string& state, std::optional<int> version, const std::string& message);

    ServerSettings settings_;
    AdbLauncher launcher_;
    mutable std::mutex mutex_;
    std::string state_ = "unknown";
    std::optional<int> version_;
    std::string message_;
    std::int64_t checked_at_ms_ = 0;
    std::mutex start_mutex_;  // one start-server at a time
};

}  // namespace adb
