#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace billing::host {

// What GET /api/v1/session-log asks for. Absent filters match every row.
struct SessionLogFilter {
    std::optional<std::string> day;  // business day "YYYY-MM-DD"
    std::optional<std::int64_t> station_id;
    std::optional<std::int64_t> member_id;
    std::optional<std::string> actor;  // ?operator=
    std::optional<std::int64_t> session_id;
    std::int64_t before_id = 0;  // 0: from the newest entry
    std::int64_t limit = 100;
};

// Reads the query parameters of GET /api/v1/session-log. A malformed value
// throws sdk::ApiError(400, "invalid_parameter") naming the parameter; a
// well-formed value nothing matches simply finds no entries. Unknown
// parameters are ignored (dashboards add cache busters).
SessionLogFilter parse_session_log_filter(const std::map<std::string, std::string>& query);

}  // namespace billing::host
