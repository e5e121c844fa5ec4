#include "plugins/plugin_rental.hpp"

#include <billing/sdk/http.hpp>

#include "audit/audit_log.hpp"
#include "catalog/package_store.hpp"
#include "catalog/station_store.hpp"
#include "members/member_store.hpp"
#include "sessions/rental_core.hpp"
#include "sessions/session_service.hpp"
#include "sessions/station_board.hpp"

namespace billing::host {

PluginRental::PluginRental(RentalCore& core, AuditLog& audit, const std::string& plugin_id)
    : core_(core), audit_(audit), origin_{.actor = "plugin:" + plugin_id} {}

nlohmann::json PluginRental::stations() const { return core_.board.list(); }

nlohmann::json PluginRental::station(const std::string& code) const { return core_.board.station_by_code(code); }

nlohmann::json PluginRental::create_station(const nlohmann::json& body) {
    if (!body.is_object()) throw sdk::ApiError(400, "invalid_body", "a station must be a JSON object");
    auto request = body;
    if (!request.contains("code")) request["code"] = core_.stations.next_free_code();
    const auto created = core_.stations.create(request, origin_.actor);
    auto record = origin_.audit_record("stations.create", 201);
    record.target = "station:" + std::to_string(created.id);
    record.details = body;
    audit_.record(record);
    return created;
}

void PluginRental::set_tv_online(const std::string& station_code, bool online) {
    core_.board.set_tv_online(station_code, online);
}

nlohmann::json PluginRental::packages() const {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& package : core_.packages.list(/*include_inactive=*/false)) list.push_back(package);
    return {{"packages", list}};
}

nlohmann::json PluginRental::member_by_phone(const std::string& phone) const {
    auto member = core_.members.find_by_phone(phone);
    if (!member) throw sdk::ApiError(404, "member_not_found", "no member has phone number " + phone);
    return *member;
}

nlohmann::json PluginRental::member_balances(std::int64_t member_id) const {
    core_.members.get(member_id);
    return core_.members.balances(member_id);
}

nlohmann::json PluginRental::start_session(const nlohmann::json& body) { return core_.sessions.start(body, origin_); }

nlohmann::json PluginRental::extend_session(std::int64_t session_id, const nlohmann::json& body) {
    return core_.sessions.extend(session_id, body, origin_);
}

nlohmann::json PluginRental::pause_session(std::int64_t session_id) { return core_.sessions.pause(session_id, origin_); }

nlohmann::json PluginRental::resume_session(std::int64_t session_id) {
    return core_.sessions.resume(session_id, origin_);
}

nlohmann::json PluginRental::move_session(std::int64_t session_id, const nlohmann::json& body) {
    return core_.sessions.move(session_id, body, origin_);
}

nlohmann::json PluginRental::stop_session(std::int64_t session_id, const nlohmann::json& body) {
    return core_.sessions.stop(session_id, body, origin_);
}

nlohmann::json PluginRental::session(std::int64_t session_id) const { return core_.sessions.get(session_id); }

}  // namespace billing::host
