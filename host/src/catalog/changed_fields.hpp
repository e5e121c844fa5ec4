#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace billing::host {

// The names of the fields whose values differ between two JSON forms of one
// object, in alphabetical order; updated_at does not count as a change.
std::vector<std::string> changed_fields(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace billing::host
