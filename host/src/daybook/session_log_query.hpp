#pragma once
#include <nlohmann/json.hpp>

#include "daybook/session_log_filter.hpp"

namespace billing::host {

class Database;

// A page of the session log, newest first: {entries:[{id, at, business_day,
// session_id, station_id, station_code, member_id, event, actor, details}],
// next_before_id} (next_before_id null on the last page).
nlohmann::json query_session_log(Database& database, const SessionLogFilter& filter);

}  // namespace billing::host
