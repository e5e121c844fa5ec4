#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/http_client.hpp"

namespace billing::reliability {

// Every row of a listing that pages with before_id/next_before_id: `target`
// is the first page's address (with its query), `field` the array's name.
std::vector<nlohmann::json> all_pages(test::HttpClient& client, const std::string& target, const std::string& field);

}  // namespace billing::reliability
