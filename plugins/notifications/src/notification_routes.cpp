#include "notification_routes.hpp"

#include <limits>
#include <optional>
#include <string>

#include "wall_clock.hpp"

namespace notifications {

namespace {

using billing::sdk::Access;
using billing::sdk::ApiError;
using billing::sdk::HttpRequest;
using billing::sdk::HttpResponse;

std::optional<std::int64_t> whole_number(const std::string& text) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoll(text);
}

std::optional<std::int64_t> integer_parameter(const HttpRequest& request, const std::string& name, std::int64_t min,
                                              std::int64_t max) {
    auto found = request.query.find(name);
    if (found == request.query.end() || found->second.empty()) return std::nullopt;
    auto value = whole_number(found->second);
    if (!value || *value < min || *value > max)
        throw ApiError(400, "invalid_parameter",
                       name + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return value;
}

bool unread_parameter(const HttpRequest& request) {
    auto found = request.query.find("unread");
    if (found == request.query.end() || found->second.empty() || found->second == "false") return false;
    if (found->second == "true") return true;
    throw ApiError(400, "invalid_parameter", "unread must be true or false");
}

}  // namespace

void add_notification_routes(billing::sdk::HttpRoutes& routes, NotificationStore& store, billing::sdk::Bus& bus) {
    const auto access = Access::permitted("sessions.view");

    routes.add("GET", "/notifications", access, [&store](const HttpRequest& request) {
        const auto unread = unread_parameter(request);
        const auto before_id = integer_parameter(request, "before_id", 1, std::numeric_limits<std::int64_t>::max());
        const auto limit = integer_parameter(request, "limit", 1, 200).value_or(50);
        return HttpResponse::ok(store.page(*request.user, unread, before_id, static_cast<int>(limit)));
    });

    routes.add("POST", "/notifications/read-all", access, [&store, &bus](const HttpRequest& request) {
        const auto& user = *request.user;
        const auto marked = store.mark_all_read(user);
        bus.publish("notification.read", {{"user_id", user.id}, {"id", nullptr}, {"unread_count", 0}});
        auto response = HttpResponse::ok({{"marked", marked}, {"unread_count", 0}});
        response.audit_target = "user:" + std::to_string(user.id);
        return response;
    });

    routes.add("POST", "/notifications/{id}/read", access, [&store, &bus](const HttpRequest& request) {
        const auto& user = *request.user;
        const auto& text = request.path_params.at("id");
        const auto id = whole_number(text);
        if (!id || !store.mark_read(user, *id, now_ms()))
            throw ApiError(404, "notification_not_found", "no notification " + text + " for " + user.username);
        const auto unread = store.unread_count(user);
        bus.publish("notification.read", {{"user_id", user.id}, {"id", *id}, {"unread_count", unread}});
        auto response = HttpResponse::ok({{"id", *id}, {"read", true}, {"unread_count", unread}});
        response.audit_target = "notification:" + std::to_string(*id);
        return response;
    });
}

}  // namespace notifications
