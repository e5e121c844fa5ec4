#include "admin_routes.hpp"

#include <optional>
#include <string>

#include "tv_hub.hpp"

namespace tv {

namespace {

using billing::sdk::Access;
using billing::sdk::ApiError;
using billing::sdk::HttpRequest;
using billing::sdk::HttpResponse;

const Access manage = Access::permitted("tv.manage");

std::string actor_of(const HttpRequest& request) { return request.user ? request.user->username : "anonymous"; }

std::int64_t device_id_of(const HttpRequest& request) {
    const auto& text = request.path_params.at("id");
    try {
        std::size_t used = 0;
        auto id = std::stoll(text, &used);
        if (used == text.size() && id > 0) return id;
    } catch (const std::exception&) {
    }
    throw ApiError(404, "device_not_found", "no TV with id " + text);
}

nlohmann::json body_of(const HttpRequest& request) {
    auto body = request.body.empty() ? nlohmann::json::object() : request.json();
    if (!body.is_object()) throw ApiError(400, "invalid_json", "the body must be a JSON object");
    for (const auto& [key, value] : body.items())
        if (key != "code" && key != "station_code" && key != "name" && key != "nonce")
            throw ApiError(400, "unknown_field", "unknown field \"" + key + "\"");
    return body;
}

std::optional<std::string> optional_text(const nlohmann::json& body, const char* field, std::size_t max_length) {
    if (!body.contains(field) || body[field].is_null()) return std::nullopt;
    if (!body[field].is_string() || body[field].get<std::string>().size() > max_length)
        throw ApiError(400, "invalid_field",
                       std::string("\"") + field + "\" must be text of at most " + std::to_string(max_length) +
                           " characters");
    return body[field].get<std::string>();
}

std::string required_text(const nlohmann::json& body, const char* field, std::size_t max_length) {
    auto value = optional_text(body, field, max_length);
    if (!value || value->empty()) throw ApiError(400, "missing_field", std::string("\"") + field + "\" is required");
    return *value;
}

HttpResponse device_answer(nlohmann::json device) {
    auto response = HttpResponse::ok(device);
    response.audit_target = "tv:" + std::to_string(device.at("id").get<std::int64_t>());
    return response;
}

}  // namespace

void add_admin_routes(billing::sdk::HttpRoutes& routes, TvHub& hub) {
    routes.add("GET", "/devices", manage, [&hub](const HttpRequest&) { return HttpResponse::ok(hub.devices_json()); });

    // Pairing by the code the TV shows; without station_code the host adds the next station.
    routes.add("POST", "/pairings", manage, [&hub](const HttpRequest& request) {
        auto body = body_of(request);
        auto code = required_text(body, "code", 20);
        std::erase(code, ' ');
        auto device = hub.pending_by_code(code);
        if (!device) throw ApiError(404, "pairing_code_not_found", "no TV waiting with pairing code " + code);
        return device_answer(hub.pair(device->id, optional_text(body, "station_code", 16),
                                      optional_text(body, "name", 60).value_or(""), actor_of(request)));
    });
    routes.add("POST", "/devices/{id}/pair", manage, [&hub](const HttpRequest& request) {
        auto body = body_of(request);
        return device_answer(hub.pair(device_id_of(request), optional_text(body, "station_code", 16),
                                      optional_text(body, "name", 60).value_or(""), actor_of(request)));
    });
    routes.add("POST", "/devices/{id}/unpair", manage, [&hub](const HttpRequest& request) {
        return device_answer(hub.unpair(device_id_of(request), actor_of(request)));
    });
    routes.add("POST", "/devices/{id}/revoke", manage, [&hub](const HttpRequest& request) {
        return device_answer(hub.revoke(device_id_of(request), actor_of(request)));
    });
    routes.add("DELETE", "/devices/{id}", manage, [&hub](const HttpRequest& request) {
        const auto id = device_id_of(request);
        hub.forget(id, actor_of(request));
        auto response = HttpResponse::no_content();
        response.audit_target = "tv:" + std::to_string(id);
        return response;
    });
    // For the WhatsApp side of a login: the word after the station code in
    // the member's message. Each works once.
    routes.add("POST", "/login-nonces/redeem", manage, [&hub](const HttpRequest& request) {
        auto body = body_of(request);
        const auto station = required_text(body, "station_code", 16);
        if (!hub.redeem_login_nonce(station, required_text(body, "nonce", 20)))
            throw ApiError(409, "nonce_invalid", "that login code is not valid for " + station + " (used or expired)");
        return HttpResponse::ok({{"ok", true}, {"station_code", station}});
    });
}

}  // namespace tv
