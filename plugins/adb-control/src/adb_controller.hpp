#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <billing/sdk/sdk.hpp>
#include <nlohmann/json.hpp>

#include "adb_config.hpp"
#include "command.hpp"
#include "server_watch.hpp"
#include "tv_queue.hpp"
#include "tv_status.hpp"

namespace adb {

// Who asked for a command.
struct Origin {
    std::string source;  // "api", "automation" or "tv.command"
    std::string actor;   // the user, "plugin:adb-control", or the requesting plugin
    nlohmann::json request_id = nullptr;
};

// The plugin's state, on its strand: one queue per station's TV, what is
// known of each TV, and the results the queues report (published as
// adb.command_done / adb.command_failed / adb.tv_unauthorized).
class AdbController {
public:
    AdbController(billing::sdk::PluginContext& context, AdbConfig config);
    ~AdbController();
    AdbController(const AdbController&) = delete;
    AdbController& operator=(const AdbController&) = delete;

    // Replaces the configuration; queued commands are dropped.
    void configure(AdbConfig config);
    const AdbConfig& config() const { return config_; }

    // Queues `action` for the station's TV. Throws ApiError: 404
    // station_not_found / unknown_action, 400 for bad args, 409
    // tv_address_unknown, 409 queue_full, 503 adb_unavailable.
    Command submit(const nlohmann::json& station, const std::string& action, const nlohmann::json& args,
                   const Origin& origin);
    // The same, for the station with that id (404 station_not_found).
    Command submit(std::int64_t station_id, const std::string& action, const nlohmann::json& args,
                   const Origin& origin);
    // An automation: like submit, but a refusal is logged and kept as the
    // TV's last error instead of thrown.
    void automate(const nlohmann::json& station, const std::string& action, const nlohmann::json& args);

    // Sleep after the session ended on that station (if configured);
    // cancel_sleep drops a pending one.
    void schedule_sleep(const nlohmann::json& station);
    void cancel_sleep(std::int64_t station_id);

    // A TV page connected from `ip` for that station (tv-websocket), or the
    // station's record changed: re-resolve its address and reconnect.
    void tv_seen(const std::string& station_code, const std::string& ip);
    void station_changed(const nlohmann::json& station);

    // Asks the server watch to look again now.
    void refresh();

    // {server, stations:[...], actions, automations}
    nlohmann::json status();
    // One station's entry; 404 station_not_found.
    nlohmann::json station_status(std::int64_t station_id);

    // The rental core's station with that id, or null.
    nlohmann::json find_station(std::int64_t station_id);
    nlohmann::json find_station(const std::string& code);

private:
    void build();
    void finished(CommandResult result);
    void devices_seen(const std::optional<ServerWatch::Devices>& devices);
    void set_connection(std::int64_t station_id, const std::string& code, const std::string& serial,
                        const std::string& connection, const std::string& message, bool always_announce);
    void remember_error(std::int64_t station_id, const std::string& action, const std::string& code,
                        const std::string& message);
    nlohmann::json describe(const nlohmann::json& station);
    nlohmann::json command_payload(const CommandResult& result) const;
    std::string tv_ip_of(const std::string& code) const;
    // Runs `work` on the plugin's strand; dropped once the plugin is stopping.
    void on_strand(std::function<void()> work);

    billing::sdk::PluginContext& context_;
    AdbConfig config_;
    std::shared_ptr<ServerGate> server_;
    std::map<std::int64_t, std::unique_ptr<TvQueue>> queues_;  // by station id
    std::map<std::int64_t, TvStatus> tvs_;                      // by station id
    std::map<std::int64_t, billing::sdk::TimerId> sleep_timers_;
    std::map<std::string, std::string> tv_ips_;  // paired TV page's IP by upper-case station code
    std::uint64_t next_command_id_ = 1;
    std::unique_ptr<ServerWatch> watch_;  // last: its thread reports into the members above
};

}  // namespace adb
