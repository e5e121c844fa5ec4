#include "auth/auth_routes.hpp"

#include <functional>

#include "api/json_input.hpp"
#include "api/router.hpp"
#include "auth/auth_service.hpp"
#include "auth/permission_catalog.hpp"
#include "auth/user_input.hpp"

namespace billing::host {

namespace {

using sdk::Access;
using sdk::ApiError;
using sdk::HttpRequest;
using sdk::HttpResponse;

// Auth and user bodies are a few fields; nothing larger is parsed.
constexpr std::size_t auth_body_limit = 64 * 1024;
constexpr std::size_t max_login_username_length = 64;

const sdk::UserInfo& signed_in_user(const HttpRequest& request) {
    if (!request.user) throw ApiError(401, "unauthorized", "sign in first");
    return *request.user;
}

std::string user_target(const std::string& id_or_name) { return "user:" + id_or_name; }

// Runs `handle` and labels its answer, errors included, with the audit
// target, so failed attempts can be traced to the account they aimed at.
HttpResponse with_target(const std::string& target, const std::function<HttpResponse()>& handle) {
    HttpResponse response;
    try {
        response = handle();
    } catch (const TooManyAttempts& error) {
        response = error.response();
        response.headers.emplace_back("Retry-After", std::to_string(error.retry_after().count()));
    } catch (const ApiError& error) {
        response = error.response();
    }
    response.audit_target = target;
    return response;
}

HttpResponse login(AuthService& auth, const HttpRequest& request) {
    const auto body = json_input::object_body(request.body);
    json_input::reject_unknown_fields(body, {"username", "password"});
    // Not checked against the username rules: an unknown name must fail
    // exactly like a wrong password.
    const auto username = json_input::required_string(body, "username", max_login_username_length);
    const auto password = user_input::required_password(body, "password");
    return with_target(user_target(user_input::to_lower(username)), [&] {
        return HttpResponse::ok(auth.login(username, password, request.remote_address).to_json());
    });
}

HttpResponse change_password(AuthService& auth, const HttpRequest& request) {
    const auto& user = signed_in_user(request);
    const auto body = json_input::object_body(request.body);
    json_input::reject_unknown_fields(body, {"current_password", "new_password"});
    const auto current_password = user_input::required_password(body, "current_password");
    const auto new_password = user_input::required_password(body, "new_password");
    return with_target(user_target(std::to_string(user.id)), [&] {
        return HttpResponse::ok(
            auth.change_password(user.id, current_password, new_password, request.remote_address).to_json());
    });
}

HttpResponse create_user(AuthService& auth, const HttpRequest& request) {
    const auto body = json_input::object_body(request.body);
    json_input::reject_unknown_fields(body, {"username", "password", "role", "permissions", "display_name"});
    UserCreation creation{.username = user_input::username(body),
                          .password = user_input::required_password(body, "password"),
                          .role = user_input::role(body).value_or(""),
                          .display_name = user_input::display_name(body).value_or(""),
                          .permissions = user_input::permissions(body, auth.permissions()).value_or(
                              std::vector<std::string>{})};
    if (creation.role.empty()) throw ApiError(400, "missing_field", "role is required");
    auto created = auth.create_user(creation);
    auto response = HttpResponse::created({{"user", created.to_json()}});
    response.audit_target = user_target(std::to_string(created.id));
    return response;
}

HttpResponse update_user(AuthService& auth, const HttpRequest& request) {
    const auto& actor = signed_in_user(request);
    const auto& id_text = request.path_params.at("id");
    return with_target(user_target(id_text), [&] {
        const auto id = json_input::id_parameter(id_text, "user");
        const auto body = json_input::object_body(request.body);
        json_input::reject_unknown_fields(body, {"display_name", "role", "permissions", "disabled", "password"});
        UserUpdate update{.display_name = user_input::display_name(body),
                          .role = user_input::role(body),
                          .permissions = user_input::permissions(body, auth.permissions()),
                          .disabled = json_input::optional_bool(body, "disabled"),
                          .password = user_input::optional_password(body, "password")};
        return HttpResponse::ok({{"user", auth.update_user(actor.id, id, update).to_json()}});
    });
}

HttpResponse delete_user(AuthService& auth, const HttpRequest& request) {
    const auto& actor = signed_in_user(request);
    const auto& id_text = request.path_params.at("id");
    return with_target(user_target(id_text), [&] {
        auth.delete_user(actor.id, json_input::id_parameter(id_text, "user"));
        return HttpResponse::no_content();
    });
}

}  // namespace

void register_auth_routes(Router& router, const Poster& workers, AuthService& auth) {
    auto add = [&](const char* method, const char* path, Access access, const char* action,
                   std::function<HttpResponse(AuthService&, const HttpRequest&)> handle) {
        router.add(Route{.method = method,
                         .pattern = std::string("/api/v1") + path,
                         .access = std::move(access),
                         .action = action,
                         .handler = [&auth, handle](const HttpRequest& request) { return handle(auth, request); },
                         .poster = workers,
                         .body_limit = auth_body_limit});
    };

    add("POST", "/auth/login", Access::anyone(), "auth.login", login);
    add("GET", "/auth/me", Access::signed_in(), "auth.me", [](AuthService& service, const HttpRequest& request) {
        return HttpResponse::ok({{"user", service.user(signed_in_user(request).id).to_json()}});
    });
    add("POST", "/auth/password", Access::signed_in(), "auth.password", change_password);

    add("GET", "/users", Access::admin_only(), "users.list", [](AuthService& service, const HttpRequest&) {
        auto users = nlohmann::json::array();
        for (const auto& user : service.users()) users.push_back(user.to_json());
        return HttpResponse::ok({{"users", users}});
    });
    add("POST", "/users", Access::admin_only(), "users.create", create_user);
    add("GET", "/users/{id}", Access::admin_only(), "users.view", [](AuthService& service, const HttpRequest& request) {
        const auto id = json_input::id_parameter(request.path_params.at("id"), "user");
        return HttpResponse::ok({{"user", service.user(id).to_json()}});
    });
    add("PUT", "/users/{id}", Access::admin_only(), "users.update", update_user);
    add("DELETE", "/users/{id}", Access::admin_only(), "users.delete", delete_user);

    add("GET", "/permissions", Access::signed_in(), "permissions.list", [](AuthService& service, const HttpRequest&) {
        return HttpResponse::ok({{"permissions", service.permissions().to_json()}});
    });
}

}  // namespace billing::host
