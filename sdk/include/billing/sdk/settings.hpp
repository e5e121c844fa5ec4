#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "billing/sdk/abi.hpp"

namespace billing::sdk {

// The shop's settings (shop name, WhatsApp number, time zone, currency
// format, business-day boundary). Changes are announced on the bus as
// `settings.changed`.
class BILLING_SDK_API Settings {
public:
    virtual ~Settings() = default;
    virtual nlohmann::json all() const = 0;
    // Returns null for an unknown key.
    virtual nlohmann::json get(const std::string& key) const = 0;
};

}  // namespace billing::sdk
