#pragma once
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "billing/sdk/abi.hpp"
#include "billing/sdk/user.hpp"

namespace billing::sdk {

// An API request as route handlers see it: already authenticated, its
// permission already checked, its body size already limited.
struct HttpRequest {
    std::string method;  // "GET", "POST", ...
    std::string path;    // decoded, without the query string
    std::map<std::string, std::string> query;        // decoded query parameters
    std::map<std::string, std::string> path_params;  // from `{name}` in the route pattern
    std::map<std::string, std::string> headers;      // names in lower case
    std::string body;
    std::string remote_address;
    std::optional<UserInfo> user;  // empty on public routes without a token

    std::string header(const std::string& lower_case_name) const {
        auto it = headers.find(lower_case_name);
        return it == headers.end() ? std::string{} : it->second;
    }
    // Parses the body as JSON; throws ApiError(400, "invalid_json") if it is not.
    nlohmann::json json() const;
};

struct HttpResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    // When set, the host streams this file as the body instead of `body`,
    // and deletes it afterwards if `delete_file_after_send`.
    std::string file_path;
    bool delete_file_after_send = false;
    // What the audit trail records as the target of a mutating request
    // (e.g. "user:12"); the host fills in who, what, when and from where.
    std::string audit_target;
    nlohmann::json audit_details;

    static HttpResponse json(int status, const nlohmann::json& value) {
        HttpResponse r;
        r.status = status;
        r.body = value.dump();
        return r;
    }
    static HttpResponse ok(const nlohmann::json& value) { return json(200, value); }
    static HttpResponse created(const nlohmann::json& value) { return json(201, value); }
    static HttpResponse no_content() {
        HttpResponse r;
        r.status = 204;
        r.content_type.clear();
        return r;
    }
    // The one error shape of the API: {"error":{"code":..., "message":...}}.
    static HttpResponse error(int status, const std::string& code, const std::string& message) {
        return json(status, {{"error", {{"code", code}, {"message", message}}}});
    }
};

// Thrown by a handler to answer with the error shape. This is an expected
// outcome (bad input, unknown id), not a fault: the plugin keeps running.
class BILLING_SDK_API ApiError : public std::runtime_error {
public:
    ApiError(int status, std::string code, const std::string& message)
        : std::runtime_error(message), status_(status), code_(std::move(code)) {}
    int status() const { return status_; }
    const std::string& code() const { return code_; }
    HttpResponse response() const { return HttpResponse::error(status_, code_, what()); }

private:
    int status_;
    std::string code_;
};

inline nlohmann::json HttpRequest::json() const {
    auto value = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) throw ApiError(400, "invalid_json", "the request body is not valid JSON");
    return value;
}

using RouteHandler = std::function<HttpResponse(const HttpRequest&)>;
using RouteId = std::uint64_t;

// Who may call a route.
struct Access {
    enum class Kind { public_route, authenticated, permission, admin };
    Kind kind = Kind::authenticated;
    std::string permission;

    static Access anyone() { return {Kind::public_route, {}}; }
    static Access signed_in() { return {Kind::authenticated, {}}; }
    static Access permitted(std::string name) { return {Kind::permission, std::move(name)}; }
    static Access admin_only() { return {Kind::admin, {}}; }
};

// HTTP routes of one plugin, mounted under /api/v1/plugins/<plugin id>/.
// Patterns may hold `{name}` segments (`/items/{id}`). Handlers run on the
// plugin's strand; every route is removed when the plugin stops.
class BILLING_SDK_API HttpRoutes {
public:
    virtual ~HttpRoutes() = default;
    virtual RouteId add(const std::string& method, const std::string& pattern, Access access,
                        RouteHandler handler) = 0;
    virtual void remove(RouteId id) = 0;
};

}  // namespace billing::sdk
