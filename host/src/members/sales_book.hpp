#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace soci {
class session;
}

namespace billing::host {

// Money taken: a package sold to a member, a walk-in session, an extension,
// or open play charged at its end. Written inside the caller's write
// transaction, so the money and what it paid for commit together.
struct Sale {
    std::int64_t at = 0;       // Unix ms
    std::string business_day;  // the day it counts on ("2026-11-21")
    std::string kind;          // package, session, extension
    std::int64_t amount = 0;   // rupiah, >= 0
    std::string operator_name; // who took the money
    std::optional<std::int64_t> member_id;
    std::optional<std::int64_t> package_id;
    std::optional<std::int64_t> session_id;
    std::optional<std::int64_t> station_id;
    std::int64_t units = 1;
};

// Inserts the sale and returns its id.
std::int64_t record_sale(soci::session& session, const Sale& sale);

// {id, at, business_day, kind, amount, operator, member_id, package_id,
// session_id, station_id, units}; `at` as ISO-8601, absent ids as null.
nlohmann::json sale_json(std::int64_t id, const Sale& sale);

}  // namespace billing::host
