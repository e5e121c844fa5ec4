#pragma once
#include <nlohmann/json.hpp>

#include "catalog/station.hpp"

namespace billing::host::station_input {

// The fields of station request bodies, checked on their own (the store
// checks what needs other rows: taken codes and addresses, the tariff
// package). Each function throws sdk::ApiError 400 invalid_body,
// missing_field, invalid_field or unknown_field naming the field.

// A station from a POST body; code and console_type are required.
Station new_station(const nlohmann::json& body);
// `station` with the fields of a PUT body applied: code upper-cased, name
// trimmed, ip_address in its canonical form ("" or null clears it, as null
// clears tariff_package_id).
Station with_changes(Station station, const nlohmann::json& body);

}  // namespace billing::host::station_input
