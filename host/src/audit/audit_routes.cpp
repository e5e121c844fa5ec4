#include "audit/audit_routes.hpp"

#include "api/router.hpp"
#include "audit/audit_filter_parser.hpp"
#include "audit/audit_log.hpp"

namespace billing::host {

void register_audit_routes(Router& router, const Poster& workers, AuditLog& audit) {
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/audit",
                     .access = sdk::Access::admin_only(),
                     .action = "audit.view",
                     .handler = [&audit](const sdk::HttpRequest& request) {
                         return sdk::HttpResponse::ok(audit.query(parse_audit_filter(request.query)));
                     },
                     .poster = workers});
}

}  // namespace billing::host
