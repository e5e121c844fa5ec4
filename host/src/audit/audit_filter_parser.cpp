#include "audit/audit_filter_parser.hpp"

#include <limits>
#include <optional>

#include <billing/sdk/http.hpp>

#include "api/query_parameters.hpp"

namespace billing::host {

namespace {

constexpr int max_limit = 500;

}  // namespace

AuditFilter parse_audit_filter(const std::map<std::string, std::string>& query) {
    AuditFilter filter;
    filter.from_ms = query_parameters::instant(query, "from");
    filter.to_ms = query_parameters::instant(query, "to");
    filter.actor = query_parameters::text(query, "actor");
    filter.action = query_parameters::text(query, "action");
    filter.target = query_parameters::text(query, "target");
    if (auto status = query_parameters::integer(query, "status", 100, 599)) filter.status = static_cast<int>(*status);
    if (auto before_id = query_parameters::integer(query, "before_id", 1, std::numeric_limits<std::int64_t>::max()))
        filter.before_id = *before_id;
    if (auto limit = query_parameters::integer(query, "limit", 1, max_limit)) filter.limit = static_cast<int>(*limit);
    if (filter.from_ms && filter.to_ms && *filter.from_ms > *filter.to_ms) throw sdk::ApiError(400, "invalid_parameter", "from must be no later than to");
    return filter;
}

}  // namespace billing::host
