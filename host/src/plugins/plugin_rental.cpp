#include "plugins/plugin_rental.hpp"

#include <billing/sdk/http.hpp>

#include "audit/audit_log.hpp"
#include "catalog/package_store.hpp"
#include "catalog/station_store.hpp"
#include "core/clock.hpp"
#include "members/member_store.hpp"
#include "sessions/rental_core.hpp"
#include "sessions/session_service.hpp"
#include "sessions/station_board.hpp"

namespace billing::host {

PluginRental::PluginRental(RentalCore& core, AuditLog& audit, const std::string& plugin_id)
    : core_(core), audit_(audit), actor_("plugin:" + plugin_id) {}

nlohmann::json PluginRental::stations() const { return core_.board.list(); }

nlohmann::json PluginRental::station(const std::string& code) const { return core_.board.station_by_code(code); }

nlohmann::json PluginRental::create_station(const nlohmann::json& body) {
    if (!body.is_object()) throw sdk::ApiError(400, "invalid_body", "a station must be a JSON object");
    auto request = body;
    if (!request.contains("code")) request["code"] = core_.stations.next_free_code();
    const auto created = core_.stations.create(request, actor_);
    return audited("stations.create", "station:" + std::to_string(created.id), created, body);
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

nlohmann::json PluginRental::start_session(const nlohmann::json& body) {
    auto session = core_.sessions.start(body, actor_);
    return audited("sessions.start", "session:" + std::to_string(session.at("id").get<std::int64_t>()), session, body);
}

nlohmann::json PluginRental::extend_session(std::int64_t session_id, const nlohmann::json& body) {
    return audited("sessions.extend", "session:" + std::to_string(session_id),
                   core_.sessions.extend(session_id, body, actor_), body);
}

nlohmann::json PluginRental::pause_session(std::int64_t session_id) {
    return audited("sessions.pause", "session:" + std::to_string(session_id), core_.sessions.pause(session_id, actor_),
                   nlohmann::json::object());
}

nlohmann::json PluginRental::resume_session(std::int64_t session_id) {
    return audited("sessions.resume", "session:" + std::to_string(session_id),
                   core_.sessions.resume(session_id, actor_), nlohmann::json::object());
}

nlohmann::json PluginRental::move_session(std::int64_t session_id, const nlohmann::json& body) {
    return audited("sessions.move", "session:" + std::to_string(session_id),
                   core_.sessions.move(session_id, body, actor_), body);
}

nlohmann::json PluginRental::stop_session(std::int64_t session_id, const nlohmann::json& body) {
    return audited("sessions.stop", "session:" + std::to_string(session_id),
                   core_.sessions.stop(session_id, body, actor_), body);
}

nlohmann::json PluginRental::session(std::int64_t session_id) const { return core_.sessions.get(session_id); }

nlohmann::json PluginRental::audited(const std::string& action, const std::string& target, nlohmann::json result,
                                     const nlohmann::json& request) {
    AuditRecord record;
    record.at_ms = now_ms();
    record.actor = actor_;
    record.action = action;
    record.target = target;
    record.status = 200;
    record.details = request.is_object() ? request : nlohmann::json::object();
    audit_.record(record);
    return result;
}

}  // namespace billing::host
