#include "sessions/session_routes.hpp"

#include <limits>

#include "api/json_input.hpp"
#include "api/query_parameters.hpp"
#include "api/router.hpp"
#include "audit/change_origin.hpp"
#include "sessions/session_service.hpp"
#include "sessions/station_board.hpp"

namespace billing::host {
namespace {

using sdk::Access;
using sdk::HttpRequest;
using sdk::HttpResponse;
constexpr auto kMaxId = std::numeric_limits<std::int64_t>::max();

// The body as a JSON object; an empty body counts as {}.
nlohmann::json body_or_empty(const HttpRequest& request) {
    return request.body.empty() ? nlohmann::json::object() : json_input::object_body(request.body);
}

std::int64_t session_id(const HttpRequest& request) {
    return json_input::id_parameter(request.path_params.at("id"), "session");
}

// A session change: the service writes its audit row with it.
Route session_change(std::string pattern, std::string permission, std::string action, sdk::RouteHandler handler,
                     const Poster& workers) {
    return Route{.method = "POST",
                 .pattern = std::move(pattern),
                 .access = Access::permitted(std::move(permission)),
                 .action = std::move(action),
                 .handler = std::move(handler),
                 .poster = workers,
                 .audits_its_changes = true};
}

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
    router.add(session_change("/api/v1/sessions", "sessions.start", "sessions.start",
                              [&sessions](const HttpRequest& request) {
                                  return HttpResponse::created(sessions.start(json_input::object_body(request.body),
                                                                                ChangeOrigin::of(request)));
                              },
                              workers));
    router.add(session_change("/api/v1/sessions/{id}/extend", "sessions.extend", "sessions.extend",
                              [&sessions](const HttpRequest& request) {
                                  return HttpResponse::ok(sessions.extend(session_id(request),
                                                                          json_input::object_body(request.body),
                                                                          ChangeOrigin::of(request)));
                              },
                              workers));
    router.add(session_change("/api/v1/sessions/{id}/pause", "sessions.extend", "sessions.pause",
                              [&sessions](const HttpRequest& request) {
                                  return HttpResponse::ok(sessions.pause(session_id(request), ChangeOrigin::of(request)));
                              },
                              workers));
    router.add(session_change("/api/v1/sessions/{id}/resume", "sessions.extend", "sessions.resume",
                              [&sessions](const HttpRequest& request) {
                                  return HttpResponse::ok(sessions.resume(session_id(request), ChangeOrigin::of(request)));
                              },
                              workers));
    router.add(session_change("/api/v1/sessions/{id}/move", "sessions.move", "sessions.move",
                              [&sessions](const HttpRequest& request) {
                                  return HttpResponse::ok(sessions.move(session_id(request),
                                                                        json_input::object_body(request.body),
                                                                        ChangeOrigin::of(request)));
                              },
                              workers));
    router.add(session_change("/api/v1/sessions/{id}/stop", "sessions.stop", "sessions.stop",
                              [&sessions](const HttpRequest& request) {
                                  return HttpResponse::ok(
                                      sessions.stop(session_id(request), body_or_empty(request), ChangeOrigin::of(request)));
                              },
                              workers));
}

}  // namespace billing::host
