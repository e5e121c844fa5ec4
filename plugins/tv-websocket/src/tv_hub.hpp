#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <billing/sdk/context.hpp>
#include <nlohmann/json.hpp>

#include "device_registry.hpp"
#include "login_nonces.hpp"
#include "station_index.hpp"
#include "tv_config.hpp"

namespace tv {

// Every connected TV and what its screen shows. Runs on the plugin's strand
// only (WebSocket callbacks, bus handlers, routes and timers all do), so it
// needs no locks.
class TvHub {
public:
    TvHub(billing::sdk::PluginContext& context, DeviceRegistry& devices, TvConfig config);
    void configure(TvConfig config);

    // The WebSocket endpoint's callbacks.
    void opened(const billing::sdk::WebSocketPtr& socket);
    void received(const billing::sdk::WebSocketPtr& socket, const std::string& text);
    void closed(const billing::sdk::WebSocketPtr& socket);

    // A station.created/updated/deleted event: keeps the station index current.
    void station_changed(const std::string& topic, const nlohmann::json& payload);
    // A session or station event touched these stations: their TVs get a new state.
    void stations_changed(const std::vector<std::int64_t>& station_ids);
    void notice_to_station(std::int64_t station_id, const nlohmann::json& notice);
    // A `tv.command` request: {station_code | device_id, command, args}.
    void command(const nlohmann::json& request);
    // Replaces the login QR of every locked TV whose nonce is due.
    void rotate_login_codes();
    // Whether `nonce` is the station's current (or just replaced) login word;
    // used once, then the TV shows a new one.
    bool redeem_login_nonce(const std::string& station_code, const std::string& nonce);

    // The admin's actions (routes). Each returns the device as the API shows it.
    nlohmann::json devices_json();
    nlohmann::json pair(std::int64_t device_id, const std::optional<std::string>& station_code,
                        const std::string& name, const std::string& actor);
    nlohmann::json unpair(std::int64_t device_id, const std::string& actor);
    nlohmann::json revoke(std::int64_t device_id, const std::string& actor);
    void forget(std::int64_t device_id, const std::string& actor);
    std::optional<Device> pending_by_code(const std::string& code);

private:
    struct Link {
        billing::sdk::WebSocketPtr socket;
        std::optional<std::int64_t> device_id;
        std::string device_key;
        int bad_messages = 0;
        std::int64_t qr_replaced_at_ms = 0;  // 0: no login QR shown
    };

    void greet(Link& link, const nlohmann::json& message);
    void refuse(Link& link, const std::string& code, const std::string& message);
    void show(Link& link);
    void send(Link& link, const nlohmann::json& message);
    void attach_pending(Link& link, const std::string& ip, const std::string& user_agent);
    nlohmann::json station_by_id(std::int64_t station_id);
    // The station's code, or null for no station (or one deleted since).
    nlohmann::json station_code_of(const std::optional<std::int64_t>& station_id);
    std::optional<std::int64_t> station_id_of_code(const std::string& code);
    // Sets which device a link speaks for, keeping link_ids_by_device_ in step.
    void link_to_device(Link& link, std::optional<std::int64_t> device_id);
    std::vector<Link*> links_of_device(std::int64_t device_id);
    // The links of the TV paired with a station (none if none is connected).
    std::vector<Link*> links_of_station(std::int64_t station_id);
    Device require_device(std::int64_t device_id);
    void tell_unpaired(std::int64_t device_id, const std::string& reason);
    void update_online(std::int64_t station_id);
    nlohmann::json device_json(const Device& device);
    std::int64_t now_ms() const;

    billing::sdk::PluginContext& context_;
    DeviceRegistry& devices_;
    TvConfig config_;
    LoginNonces nonces_;
    StationIndex stations_;
    std::map<std::uint64_t, Link> links_;  // by connection id
    // The links of each device, so a device's sockets are found without a
    // scan of every TV (a device list of 10,000 TVs would be quadratic).
    std::map<std::int64_t, std::set<std::uint64_t>> link_ids_by_device_;
    std::uint64_t next_command_ = 1;
};

}  // namespace tv
