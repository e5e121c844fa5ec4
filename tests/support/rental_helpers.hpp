#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "support/http_client.hpp"

namespace billing::test {

// Creating the rental core's objects through the real API (as an admin),
// failing the test with the answer if the host refuses.

// A fixed package, 60 min for Rp 10.000 on any console unless `fields` say
// otherwise; returns its id.
std::int64_t create_fixed_package(HttpClient& admin, const nlohmann::json& fields = nlohmann::json::object());
// Open play at Rp 6.000 per hour, billed per minute, unless `fields` say otherwise.
std::int64_t create_open_package(HttpClient& admin, const nlohmann::json& fields = nlohmann::json::object());
// A PS4 station with that code; returns its id.
std::int64_t create_station(HttpClient& admin, const std::string& code, const nlohmann::json& fields = nlohmann::json::object());
// A member with that phone number; returns its id.
std::int64_t create_member(HttpClient& admin, const std::string& name, const std::string& phone);
// Starts a walk-in session; returns the session object.
nlohmann::json start_session(HttpClient& client, std::int64_t station_id, std::int64_t package_id);

}  // namespace billing::test
