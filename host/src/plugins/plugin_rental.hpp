#pragma once
#include <string>

#include <billing/sdk/rental.hpp>

#include "audit/change_origin.hpp"

namespace billing::host {

class AuditLog;
struct RentalCore;

// The rental core as one plugin uses it (sdk::Rental). Acts under the name
// "plugin:<id>" in the session log and the audit trail: plugin calls do not
// pass through the HTTP dispatcher that audits the dashboard's requests, so
// a session change writes its row with the change and a new station is
// recorded here.
class PluginRental : public sdk::Rental {
public:
    PluginRental(RentalCore& core, AuditLog& audit, const std::string& plugin_id);

    nlohmann::json stations() const override;
    nlohmann::json station(const std::string& code) const override;
    nlohmann::json create_station(const nlohmann::json& body) override;
    void set_tv_online(const std::string& station_code, bool online) override;
    nlohmann::json packages() const override;
    nlohmann::json member_by_phone(const std::string& phone) const override;
    nlohmann::json member_balances(std::int64_t member_id) const override;
    nlohmann::json start_session(const nlohmann::json& body) override;
    nlohmann::json extend_session(std::int64_t session_id, const nlohmann::json& body) override;
    nlohmann::json pause_session(std::int64_t session_id) override;
    nlohmann::json resume_session(std::int64_t session_id) override;
    nlohmann::json move_session(std::int64_t session_id, const nlohmann::json& body) override;
    nlohmann::json stop_session(std::int64_t session_id, const nlohmann::json& body) override;
    nlohmann::json session(std::int64_t session_id) const override;

private:
    RentalCore& core_;
    AuditLog& audit_;
    const ChangeOrigin origin_;  // actor "plugin:<id>"
};

}  // namespace billing::host
