#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "billing/sdk/abi.hpp"

namespace billing::sdk {

// The rental core (stations, packages, members, sessions) as plugins use it.
// Values are the JSON objects of the REST API (docs/api.md, "Rental core"),
// requests take the same bodies, and failures throw ApiError with the same
// codes (404 station_not_found, 409 station_busy, 409 package_not_held, ...),
// so a plugin handler may let them through to its own HTTP caller. Every
// change is recorded in the session log and the audit trail under the
// plugin's name ("plugin:<id>") and published on the bus like one made in
// the dashboard.
class BILLING_SDK_API Rental {
public:
    virtual ~Rental() = default;

    // Stations with their live state: {stations:[...], server_time}.
    virtual nlohmann::json stations() const = 0;
    // One station by code ("TV01", any case) with its live state.
    virtual nlohmann::json station(const std::string& code) const = 0;
    // Creates a station: {code?, name?, console_type, ...}; without a code,
    // the next free one (TV03).
    virtual nlohmann::json create_station(const nlohmann::json& body) = 0;
    // Tells the host whether the station's TV is connected (its live state
    // is "offline" while idle without one).
    virtual void set_tv_online(const std::string& station_code, bool online) = 0;

    // Active packages: {packages:[...]}.
    virtual nlohmann::json packages() const = 0;
    // A member by phone number in any common form (0812…, +62 812…); 404
    // member_not_found.
    virtual nlohmann::json member_by_phone(const std::string& phone) const = 0;
    // {balances:[{package_id, package, units}]}
    virtual nlohmann::json member_balances(std::int64_t member_id) const = 0;

    // The same bodies as POST /api/v1/sessions and its actions.
    virtual nlohmann::json start_session(const nlohmann::json& body) = 0;
    virtual nlohmann::json extend_session(std::int64_t session_id, const nlohmann::json& body) = 0;
    virtual nlohmann::json pause_session(std::int64_t session_id) = 0;
    virtual nlohmann::json resume_session(std::int64_t session_id) = 0;
    virtual nlohmann::json move_session(std::int64_t session_id, const nlohmann::json& body) = 0;
    virtual nlohmann::json stop_session(std::int64_t session_id, const nlohmann::json& body) = 0;
    virtual nlohmann::json session(std::int64_t session_id) const = 0;
};

}  // namespace billing::sdk
