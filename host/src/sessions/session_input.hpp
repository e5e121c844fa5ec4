#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

// The bodies of the session routes (and of sdk::Rental's calls), read with
// errors that name the field (sdk::ApiError 400 invalid_field /
// missing_field / invalid_price).
namespace billing::host::session_input {

// A station named by id or by code: {"station_id": 3} or {"station_code": "TV03"}.
struct StationRef {
    std::optional<std::int64_t> id;
    std::optional<std::string> code;
};

struct StartRequest {
    StationRef station;
    std::optional<std::int64_t> package_id;  // default: the station's open-play tariff
    std::optional<std::int64_t> member_id;
    bool use_balance = false;  // default true when a member is given
};
StartRequest start(const nlohmann::json& body);

// Either `minutes` (with an optional `amount` overriding the pro-rata
// price) or `package_id` (paid in cash or, with use_balance, from the
// member's balance).
struct ExtendRequest {
    std::optional<std::int64_t> minutes;
    std::optional<std::int64_t> amount;
    std::optional<std::int64_t> package_id;
    bool use_balance = false;
};
ExtendRequest extend(const nlohmann::json& body);

StationRef move(const nlohmann::json& body);

struct StopRequest {
    bool refund_unit = false;  // give a member's unit back for a fixed session stopped early
};
StopRequest stop(const nlohmann::json& body);

}  // namespace billing::host::session_input
