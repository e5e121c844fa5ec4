#include "http/access_gate.hpp"

#include <algorithm>
#include <cctype>

#include "auth/authenticator.hpp"

namespace billing::host {

namespace {

// The only calls a user who must change the password can still make.
bool allowed_before_password_change(const std::string& path) {
    return path == "/api/v1/auth/password" || path == "/api/v1/auth/login";
}

std::string token_of(const sdk::HttpRequest& request, bool allow_query_token) {
    static constexpr std::string_view scheme = "bearer ";
    auto authorization = request.header("authorization");
    if (authorization.size() > scheme.size() &&
        std::equal(scheme.begin(), scheme.end(), authorization.begin(),
                   [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }))
        return authorization.substr(scheme.size());
    if (allow_query_token) {
        auto it = request.query.find("token");
        if (it != request.query.end()) return it->second;
    }
    return {};
}

// Why `user` may not call a route with `access`; nothing if they may. A
// public route ignores a stale token: the caller is simply anonymous.
std::optional<sdk::HttpResponse> refusal_for(const sdk::Access& access, const std::optional<sdk::UserInfo>& user) {
    using Kind = sdk::Access::Kind;
    if (access.kind == Kind::public_route) return std::nullopt;
    if (!user) return sdk::HttpResponse::error(401, "unauthorized", "sign in first: a valid token is required");
    if (access.kind == Kind::admin && !user->is_admin())
        return sdk::HttpResponse::error(403, "forbidden", "only an admin may do this");
    if (access.kind == Kind::permission && !user->has(access.permission))
        return sdk::HttpResponse::error(403, "forbidden", "this needs the permission " + access.permission);
    return std::nullopt;
}

}  // namespace

bool is_mutating(const std::string& method) {
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

AccessGate::Decision AccessGate::check(const sdk::Access& access, const sdk::HttpRequest& request,
                                       bool allow_query_token) const {
    Decision decision;
    auto token = token_of(request, allow_query_token);
    if (!token.empty()) decision.user = authenticator_.authenticate(token);

    decision.refusal = refusal_for(access, decision.user);
    if (!decision.refusal && decision.user && decision.user->must_change_password &&
        is_mutating(request.method) && !allowed_before_password_change(request.path))
        decision.refusal = sdk::HttpResponse::error(403, "password_change_required",
                                                    "change your password first (POST /api/v1/auth/password)");
    return decision;
}

}  // namespace billing::host
