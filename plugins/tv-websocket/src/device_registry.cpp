#include "device_registry.hpp"


#include "device_secrets.hpp"
#include "json_text.hpp"

namespace tv {

namespace {

using billing::sdk::SqlParams;

const std::string columns =
    "SELECT id, device_key, name, station_id, state, pairing_code, ip, user_agent, first_seen_at, last_seen_at, "
    "paired_at FROM tvws_devices ";

std::optional<std::int64_t> optional_integer(const nlohmann::json& value) {
    if (value.is_null()) return std::nullopt;
    return value.get<std::int64_t>();
}

Device device_of(const nlohmann::json& row) {
    return Device{.id = row.at("id").get<std::int64_t>(),
                  .device_key = text_or_empty(row.at("device_key")),
                  .name = row.at("name").get<std::string>(),
                  .station_id = optional_integer(row.at("station_id")),
                  .state = row.at("state").get<std::string>(),
                  .pairing_code = text_or_empty(row.at("pairing_code")),
                  .ip = row.at("ip").get<std::string>(),
                  .user_agent = row.at("user_agent").get<std::string>(),
                  .first_seen_at_ms = row.at("first_seen_at").get<std::int64_t>(),
                  .last_seen_at_ms = row.at("last_seen_at").get<std::int64_t>(),
                  .paired_at_ms = optional_integer(row.at("paired_at"))};
}

}  // namespace

DeviceRegistry::DeviceRegistry(billing::sdk::Storage& storage) : storage_(storage) {}

void DeviceRegistry::migrate() {
    storage_.migrate({{1, "TV devices",
                       "CREATE TABLE tvws_devices ("
                       " id INTEGER PRIMARY KEY,"
                       " device_key TEXT UNIQUE,"
                       " token_hash TEXT UNIQUE,"
                       " name TEXT NOT NULL DEFAULT '',"
                       " station_id INTEGER,"
                       " state TEXT NOT NULL CHECK (state IN ('pending', 'paired', 'unpaired', 'revoked')),"
                       " pairing_code TEXT UNIQUE,"
                       " ip TEXT NOT NULL DEFAULT '',"
                       " user_agent TEXT NOT NULL DEFAULT '',"
                       " first_seen_at INTEGER NOT NULL,"
                       " last_seen_at INTEGER NOT NULL,"
                       " paired_at INTEGER);"
                       "CREATE INDEX tvws_devices_station ON tvws_devices (station_id)"}});
}

std::optional<Device> DeviceRegistry::one(const std::string& where, const SqlParams& params) {
    auto rows = storage_.query(columns + where, params);
    if (rows.empty()) return std::nullopt;
    return device_of(rows.at(0));
}

std::string DeviceRegistry::unused_pairing_code() {
    // Six digits give 900,000 codes: with hundreds of TVs waiting a repeat
    // is likely (the birthday problem), so a code in use is drawn again.
    for (;;) {
        auto code = device_secrets::new_pairing_code();
        if (storage_.query("SELECT 1 AS taken FROM tvws_devices WHERE pairing_code = :code", {code}).empty())
            return code;
    }
}

std::vector<Device> DeviceRegistry::all() {
    std::vector<Device> devices;
    for (const auto& row : storage_.query(columns + "ORDER BY id")) devices.push_back(device_of(row));
    return devices;
}

std::optional<Device> DeviceRegistry::by_id(std::int64_t id) {
    return one("WHERE id = :id", {static_cast<long long>(id)});
}

std::optional<Device> DeviceRegistry::by_token(const std::string& token) {
    return one("WHERE token_hash = :hash AND state <> 'revoked'", {device_secrets::hash_of(token)});
}

std::optional<Device> DeviceRegistry::by_key(const std::string& device_key) {
    return one("WHERE device_key = :key", {device_key});
}

std::optional<Device> DeviceRegistry::by_pairing_code(const std::string& code) {
    return one("WHERE pairing_code = :code AND state = 'pending'", {code});
}

std::optional<Device> DeviceRegistry::paired_to(std::int64_t station_id) {
    return one("WHERE station_id = :station AND state = 'paired'", {static_cast<long long>(station_id)});
}

Device DeviceRegistry::pending(const std::string& device_key, const std::string& ip, const std::string& user_agent,
                               std::int64_t now_ms) {
    if (auto known = by_key(device_key); known && (known->state == "pending" || known->state == "revoked")) {
        // A revoked TV that lost its token starts over as a pending device.
        if (known->state == "revoked")
            storage_.execute("UPDATE tvws_devices SET state = 'pending', station_id = NULL, token_hash = NULL, "
                             "pairing_code = :code WHERE id = :id",
                             {unused_pairing_code(), static_cast<long long>(known->id)});
        seen(known->id, ip, user_agent, now_ms);
        return *by_id(known->id);
    }
    // A key that belongs to a paired device without its token is not trusted:
    // the TV starts over under a new key-less record.
    const bool key_free = !by_key(device_key).has_value();
    storage_.execute(
        "INSERT INTO tvws_devices (device_key, state, pairing_code, ip, user_agent, first_seen_at, last_seen_at) "
        "VALUES (:key, 'pending', :code, :ip, :agent, :now, :now2)",
        {key_free ? billing::sdk::SqlValue(device_key) : billing::sdk::SqlValue(nullptr),
         unused_pairing_code(), ip, user_agent, static_cast<long long>(now_ms),
         static_cast<long long>(now_ms)});
    auto id = storage_.query("SELECT MAX(id) AS id FROM tvws_devices").at(0).at("id").get<std::int64_t>();
    return *by_id(id);
}

void DeviceRegistry::seen(std::int64_t id, const std::string& ip, const std::string& user_agent,
                          std::int64_t now_ms) {
    storage_.execute("UPDATE tvws_devices SET ip = :ip, user_agent = :agent, last_seen_at = :now WHERE id = :id",
                     {ip, user_agent, static_cast<long long>(now_ms), static_cast<long long>(id)});
}

std::string DeviceRegistry::pair(std::int64_t id, std::int64_t station_id, const std::string& name,
                                 std::int64_t now_ms) {
    auto token = device_secrets::new_token();
    storage_.execute(
        "UPDATE tvws_devices SET state = 'paired', station_id = :station, token_hash = :hash, pairing_code = NULL, "
        "name = CASE WHEN :name = '' THEN name ELSE :name2 END, paired_at = :now WHERE id = :id",
        {static_cast<long long>(station_id), device_secrets::hash_of(token), name, name,
         static_cast<long long>(now_ms), static_cast<long long>(id)});
    return token;
}

void DeviceRegistry::unpair(std::int64_t id) {
    storage_.execute("UPDATE tvws_devices SET state = 'unpaired', station_id = NULL WHERE id = :id",
                     {static_cast<long long>(id)});
}

void DeviceRegistry::revoke(std::int64_t id) {
    storage_.execute(
        "UPDATE tvws_devices SET state = 'revoked', station_id = NULL, token_hash = NULL WHERE id = :id",
        {static_cast<long long>(id)});
}

void DeviceRegistry::forget(std::int64_t id) {
    storage_.execute("DELETE FROM tvws_devices WHERE id = :id", {static_cast<long long>(id)});
}

nlohmann::json to_json(const Device& device) {
    auto optional = [](const std::optional<std::int64_t>& value) {
        return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
    };
    return {{"id", device.id},
            {"name", device.name},
            {"state", device.state},
            {"station_id", optional(device.station_id)},
            {"pairing_code", device.pairing_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(device.pairing_code)},
            {"ip", device.ip},
            {"user_agent", device.user_agent},
            {"first_seen_at_ms", device.first_seen_at_ms},
            {"last_seen_at_ms", device.last_seen_at_ms},
            {"paired_at_ms", optional(device.paired_at_ms)}};
}

}  // namespace tv
