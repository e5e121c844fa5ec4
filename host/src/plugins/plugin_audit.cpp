#include "plugins/plugin_audit.hpp"

#include "audit/audit_log.hpp"
#include "core/clock.hpp"

namespace billing::host {

void PluginAudit::record(const sdk::AuditEntry& entry) {
    AuditRecord record;
    record.at_ms = now_ms();
    record.actor = entry.actor.empty() ? plugin_id_ : entry.actor;
    record.action = entry.action;
    record.target = entry.target;
    record.details = entry.details.is_null() ? nlohmann::json::object() : entry.details;
    log_.record(record);
}

}  // namespace billing::host
