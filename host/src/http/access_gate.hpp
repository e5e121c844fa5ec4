#pragma once
#include <optional>
#include <string>

#include <billing/sdk/http.hpp>
#include <billing/sdk/user.hpp>

namespace billing::host {

class Authenticator;

// True for a request that changes something: any method but GET, HEAD and
// OPTIONS. These are audited and gated by must_change_password.
bool is_mutating(const std::string& method);

// Decides who is calling and whether they may: the bearer token (and, for
// event streams and WebSocket upgrades only, `?token=`), the route's
// sdk::Access, and the forced password change of a new account. May read
// the database through the Authenticator, so it never runs on a network thread.
class AccessGate {
public:
    explicit AccessGate(const Authenticator& authenticator) : authenticator_(authenticator) {}

    struct Decision {
        std::optional<sdk::UserInfo> user;
        std::optional<sdk::HttpResponse> refusal;  // 401 or 403 in the error shape
    };
    Decision check(const sdk::Access& access, const sdk::HttpRequest& request, bool allow_query_token) const;

private:
    const Authenticator& authenticator_;
};

}  // namespace billing::host
