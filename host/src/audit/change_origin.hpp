#pragma once
#include <string>

namespace billing::sdk {
struct HttpRequest;
}

namespace billing::host {

struct AuditRecord;

// Who asked for a change and through which request: what its audit row says
// besides the change itself. A plugin's own call has no method, path or
// remote address.
struct ChangeOrigin {
    std::string actor;  // username, "plugin:<id>" or "anonymous"
    std::string method{}, path{}, remote_address{};

    static ChangeOrigin of(const sdk::HttpRequest& request);

    // An audit row of `action` answered with `status`, by this origin, now.
    AuditRecord audit_record(std::string action, int status) const;
};

}  // namespace billing::host
