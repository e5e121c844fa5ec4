#include "daybook/session_log_filter.hpp"

#include <limits>

#include "api/query_parameters.hpp"

namespace billing::host {

namespace {

constexpr std::int64_t max_limit = 500;

std::optional<std::int64_t> id(const query_parameters::Query& query, const std::string& name) {
    return query_parameters::integer(query, name, 1, std::numeric_limits<std::int64_t>::max());
}

}  // namespace

SessionLogFilter parse_session_log_filter(const std::map<std::string, std::string>& query) {
    SessionLogFilter filter;
    filter.day = query_parameters::date(query, "day");
    filter.station_id = id(query, "station");
    filter.member_id = id(query, "member");
    filter.session_id = id(query, "session");
    filter.actor = query_parameters::text(query, "operator");
    filter.before_id = id(query, "before_id").value_or(0);
    filter.limit = query_parameters::integer(query, "limit", 1, max_limit).value_or(filter.limit);
    return filter;
}

}  // namespace billing::host
