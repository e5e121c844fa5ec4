#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <billing/sdk/storage.hpp>
#include <nlohmann/json.hpp>

namespace tv {

// One TV the plugin has seen. `state`: "pending" (waiting for an admin),
// "paired" (to station_id), "unpaired" (its token still valid, no station)
// or "revoked" (its token no longer accepted).
struct Device {
    std::int64_t id = 0;
    std::string device_key;
    std::string name;
    std::optional<std::int64_t> station_id;
    std::string state;
    std::string pairing_code;  // while pending
    std::string ip;
    std::string user_agent;
    std::int64_t first_seen_at_ms = 0;
    std::int64_t last_seen_at_ms = 0;
    std::optional<std::int64_t> paired_at_ms;
};

// The devices table (tvws_devices). Tokens are stored as hashes only.
class DeviceRegistry {
public:
    explicit DeviceRegistry(billing::sdk::Storage& storage);
    void migrate();

    std::vector<Device> all();
    std::optional<Device> by_id(std::int64_t id);
    std::optional<Device> by_token(const std::string& token);  // not revoked
    std::optional<Device> by_key(const std::string& device_key);
    std::optional<Device> by_pairing_code(const std::string& code);  // pending only
    std::optional<Device> paired_to(std::int64_t station_id);

    // A pending device for `device_key` (created or found), seen now from ip.
    Device pending(const std::string& device_key, const std::string& ip, const std::string& user_agent,
                   std::int64_t now_ms);
    void seen(std::int64_t id, const std::string& ip, const std::string& user_agent, std::int64_t now_ms);
    // Pairs to a station with a fresh token (returned) and an optional name.
    std::string pair(std::int64_t id, std::int64_t station_id, const std::string& name, std::int64_t now_ms);
    void unpair(std::int64_t id);
    void revoke(std::int64_t id);
    void forget(std::int64_t id);

private:
    std::optional<Device> one(const std::string& where, const billing::sdk::SqlParams& params);
    std::string unused_pairing_code();
    billing::sdk::Storage& storage_;
};

nlohmann::json to_json(const Device& device);

}  // namespace tv
