#pragma once
#include "core/poster.hpp"

namespace billing::host {

class Router;
class AuditLog;

// GET /api/v1/audit (admins): the audit trail, newest first, filtered by
// from, to, actor, action, target, status and paged with before_id + limit.
void register_audit_routes(Router& router, const Poster& workers, AuditLog& audit);

}  // namespace billing::host
