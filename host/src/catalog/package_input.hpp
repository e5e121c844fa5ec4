#pragma once
#include <nlohmann/json.hpp>

#include "catalog/package.hpp"

namespace billing::host::package_input {

// The fields of package request bodies, each checked and then the package
// as a whole. Throws sdk::ApiError: 400 invalid_body, missing_field,
// invalid_field, unknown_field, invalid_price (price, night_price,
// minimum_charge), invalid_night_window; 409 package_kind_locked.

// A package from a POST body; name, console_type, kind and price are
// required, duration_minutes too for a fixed package.
Package new_package(const nlohmann::json& body);
// `package` with the fields of a PUT body applied (null clears the
// optional fields); its kind cannot change.
Package with_changes(Package package, const nlohmann::json& body);

}  // namespace billing::host::package_input
