#include "sessions/session_routes.hpp"

#include <limits>

#include "api/json_input.hpp"
#include "api/query_parameters.hpp"
#include "api/router.hpp"
#include "sessions/session_service.hpp"
#include "sessions/station_board.hpp"

namespace billing::host {
namespace {

using sdk::Access;
using sdk::HttpRequest;
using sdk::HttpResponse;
constexpr auto kMaxId = std::numeric_limits<std::int64_t>::max();

// A session's answer, with the audit trail's target and details.
HttpResponse audited(int status, const nlohmann::json& session, nlohmann::json details = nlohmann::json::object()) {
    auto response = HttpResponse::json(status, session);
    response.audit_target = "session:" + std::to_string(session.at("id").get<std::int64_t>());
    details["station"] = session.at("station_code");
    details["amount"] = session.at("amount");
    response.audit_details = std::move(details);
    return response;
}

// The body as a JSON object; an empty body counts as {}.
nlohmann::json body_or_empty(const HttpRequest& request) {
    return request.body.empty() ? nlohmann::json::object() : json_input::object_body(request.body);
}

std::int64_t session_id(const HttpRequest& request) {
    return json_input::id_parameter(request.path_params.at("id"), "session");
}

std::string actor(const HttpRequest& request) { return request.user->username; }

}  // namespace

void register_session_routes(Router& router, const Poster& workers, SessionService& sessions, StationBoard& board) {
    const auto view = Access::permitted("sessions.view");
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/stations",
                     .access = view,
                     .action = "stations.view",
                     .handler =
                         [&board](const HttpRequest&) {
                             HttpResponse response;
                             response.body = *board.list_body();
                             return response;
                         },
                     .poster = workers});
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/stations/{id}",
                     .access = view,
                     .action = "stations.view",
                     .handler =
                         [&board](const HttpRequest& request) {
                             return HttpResponse::ok(
                                 board.station(json_input::id_parameter(request.path_params.at("id"), "station")));
                         },
                     .poster = workers});
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/sessions",
                     .access = view,
                     .action = "sessions.view",
                     .handler =
                         [&sessions](const HttpRequest& request) {
                             namespace q = query_parameters;
                             const auto state = q::choice(request.query, "state", {"live", "ended", "all"}).value_or("live");
                             session_records::Filter filter;
                             filter.business_day = q::date(request.query, "day");
                             filter.station_id = q::integer(request.query, "station", 1, kMaxId);
                             filter.member_id = q::integer(request.query, "member", 1, kMaxId);
                             filter.before_id = q::integer(request.query, "before_id", 1, kMaxId);
                             filter.limit = q::integer(request.query, "limit", 1, 500).value_or(100);
                             filter.ended_only = state == "ended";
                             return HttpResponse::ok(sessions.list(state == "live", filter));
                         },
                     .poster = workers});
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/sessions/{id}",
                     .access = view,
                     .action = "sessions.view",
                     .handler = [&sessions](const HttpRequest& request) {
                         return HttpResponse::ok(sessions.get(session_id(request)));
                     },
                     .poster = workers});
    router.add(Route{.method = "POST",
                     .pattern = "/api/v1/sessions",
                     .access = Access::permitted("sessions.start"),
                     .action = "sessions.start",
                     .handler =
                         [&sessions](const HttpRequest& request) {
                             return audited(201, sessions.start(json_input::object_body(request.body), actor(request)));
                         },
                     .poster = workers});
    router.add(Route{.method = "POST",
                     .pattern = "/api/v1/sessions/{id}/extend",
                     .access = Access::permitted("sessions.extend"),
                     .action = "sessions.extend",
                     .handler =
                         [&sessions](const HttpRequest& request) {
                             const auto body = json_input::object_body(request.body);
                             return audited(200, sessions.extend(session_id(request), body, actor(request)), body);
                         },
                     .poster = workers});
    router.add(Route{.method = "POST",
                     .pattern = "/api/v1/sessions/{id}/pause",
                     .access = Access::permitted("sessions.extend"),
                     .action = "sessions.pause",
                     .handler =
                         [&sessions](const HttpRequest& request) {
                             return audited(200, sessions.pause(session_id(request), actor(request)));
                         },
                     .poster = workers});
    router.add(Route{.method = "POST",
                     .pattern = "/api/v1/sessions/{id}/resume",
                     .access = Access::permitted("sessions.extend"),
                     .action = "sessions.resume",
                     .handler =
                         [&sessions](const HttpRequest& request) {
                             return audited(200, sessions.resume(session_id(request), actor(request)));
                         },
                     .poster = workers});
    router.add(Route{.method = "POST",
                     .pattern = "/api/v1/sessions/{id}/move",
                     .access = Access::permitted("sessions.move"),
                     .action = "sessions.move",
                     .handler =
                         [&sessions](const HttpRequest& request) {
                             const auto body = json_input::object_body(request.body);
                             return audited(200, sessions.move(session_id(request), body, actor(request)), body);
                         },
                     .poster = workers});
    router.add(Route{.method = "POST",
                     .pattern = "/api/v1/sessions/{id}/stop",
                     .access = Access::permitted("sessions.stop"),
                     .action = "sessions.stop",
                     .handler =
                         [&sessions](const HttpRequest& request) {
                             const auto body = body_or_empty(request);
                             return audited(200, sessions.stop(session_id(request), body, actor(request)), body);
                         },
                     .poster = workers});
}

}  // namespace billing::host
