#include "adb_routes.hpp"

#include <algorithm>
#include <cctype>

#include "tv_actions.hpp"

namespace adb {

namespace {

using namespace billing::sdk;
using nlohmann::json;

constexpr const char* kPermission = "tv.control";

// The {id} of a station route; anything but a positive number names no station.
std::int64_t station_id_of(const HttpRequest& request) {
    const auto& text = request.path_params.at("id");
    if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
        std::stoll(text) <= 0)
        throw ApiError(404, "station_not_found", "station \"" + text + "\" does not exist");
    return std::stoll(text);
}

// An action's body: empty means no arguments.
json arguments_of(const HttpRequest& request) {
    if (request.body.empty()) return json::object();
    auto body = request.json();
    if (!body.is_object()) throw ApiError(400, "invalid_body", "the request body must be a JSON object");
    return body;
}

std::string path_of(std::string action) {
    std::replace(action.begin(), action.end(), '_', '-');
    return action;
}

}  // namespace

void add_routes(HttpRoutes& routes, AdbController& controller) {
    routes.add("GET", "/status", Access::permitted(kPermission),
               [&controller](const HttpRequest&) { return HttpResponse::ok(controller.status()); });
    routes.add("GET", "/stations/{id}", Access::permitted(kPermission), [&controller](const HttpRequest& request) {
        return HttpResponse::ok(controller.station_status(station_id_of(request)));
    });
    for (const auto& action : action_names()) {
        routes.add("POST", "/stations/{id}/" + path_of(action), Access::permitted(kPermission),
                   [&controller, action](const HttpRequest& request) {
                       const auto station_id = station_id_of(request);
                       const auto command = controller.submit(station_id, action, arguments_of(request),
                                                              {.source = "api", .actor = request.user->username,
                                                               .request_id = nullptr});
                       auto response = HttpResponse::json(
                           202, {{"command",
                                  {{"id", command.id},
                                   {"station_id", command.station_id},
                                   {"station_code", command.station_code},
                                   {"action", action},
                                   {"args", command.plan.args},
                                   {"state", "queued"}}},
                                 {"station", controller.station_status(station_id)}});
                       response.audit_target = "station:" + std::to_string(station_id);
                       response.audit_details = {{"action", "adb." + action}, {"args", command.plan.args},
                                                 {"command_id", command.id}};
                       return response;
                   });
    }
    routes.add("POST", "/refresh", Access::permitted(kPermission), [&controller](const HttpRequest&) {
        controller.refresh();
        auto response = HttpResponse::json(202, {{"server", controller.status().at("server")}});
        response.audit_target = "adb-server";
        return response;
    });
}

}  // namespace adb
