#pragma once
#include <string>

#include <billing/sdk/audit.hpp>

namespace billing::host {

class AuditLog;

// The audit trail for one plugin's own records; the actor defaults to the
// plugin id for automatic actions.
class PluginAudit : public sdk::Audit {
public:
    PluginAudit(AuditLog& log, std::string plugin_id) : log_(log), plugin_id_(std::move(plugin_id)) {}
    void record(const sdk::AuditEntry& entry) override;

private:
    AuditLog& log_;
    const std::string plugin_id_;
};

}  // namespace billing::host
