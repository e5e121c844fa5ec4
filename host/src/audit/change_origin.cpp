#include "audit/change_origin.hpp"

#include <billing/sdk/http.hpp>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"

namespace billing::host {

ChangeOrigin ChangeOrigin::of(const sdk::HttpRequest& request) {
    return {.actor = request.user ? request.user->username : "anonymous",
            .method = request.method,
            .path = request.path,
            .remote_address = request.remote_address};
}

AuditRecord ChangeOrigin::audit_record(std::string action, int status) const {
    AuditRecord record;
    record.at_ms = now_ms();
    record.actor = actor;
    record.action = std::move(action);
    record.method = method;
    record.path = path;
    record.status = status;
    record.remote_address = remote_address;
    return record;
}

}  // namespace billing::host
