#pragma once
#include <map>
#include <string>

#include "audit/audit_log.hpp"

namespace billing::host {

// Reads the query parameters of GET /api/v1/audit. A malformed value
// throws sdk::ApiError(400, "invalid_parameter") naming the parameter;
// unknown parameters are ignored (dashboards add cache busters).
AuditFilter parse_audit_filter(const std::map<std::string, std::string>& query);

}  // namespace billing::host
