#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace billing::host {

class Database;

struct SalesQuery {
    std::optional<std::string> day;  // "2026-11-21"; every day when absent
    std::optional<std::int64_t> before_id;
    std::int64_t limit = 100;
};

// {sales:[sale_json...] newest first, total_amount (of every sale of the
// day, not only this page), next_before_id (null on the last page)}.
nlohmann::json list_sales(Database& database, const SalesQuery& query);

}  // namespace billing::host
