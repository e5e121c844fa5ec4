#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace soci {
class session;
}

namespace billing::host {

// The summary of one business day, read inside the caller's transaction:
// {day, closed, closed_at, sessions, minutes, revenue,
//  by_station:[{station_id, code, sessions, minutes, revenue}],
//  by_operator:[{operator, sales, revenue}]}.

// Computed now from the sessions and sales of `day` (closed: false).
nlohmann::json compute_day_summary(soci::session& session, const std::string& day);

// As stored when `day` was closed; null if it is not closed.
nlohmann::json stored_day_summary(soci::session& session, const std::string& day);

// Writes `summary` (computed) as the closed row of its day. A day closed
// before keeps its first closed_at. Returns the summary as now stored.
nlohmann::json store_day_summary(soci::session& session, const nlohmann::json& summary, long long closed_at_ms);

}  // namespace billing::host
