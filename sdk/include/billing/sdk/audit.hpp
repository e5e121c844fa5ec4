#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "billing/sdk/abi.hpp"

namespace billing::sdk {

// Something a plugin did that an admin should be able to find later
// (mutating HTTP requests are recorded by the host without help).
struct AuditEntry {
    std::string actor;   // username, or the plugin id for automatic actions
    std::string action;  // e.g. "adb.sleep"
    std::string target;  // e.g. "station:TV03"
    nlohmann::json details = nlohmann::json::object();
};

class BILLING_SDK_API Audit {
public:
    virtual ~Audit() = default;
    virtual void record(const AuditEntry& entry) = 0;
};

}  // namespace billing::sdk
