#pragma once
#include <optional>
#include <string_view>

#include <billing/sdk/user.hpp>

namespace billing::host {

// Turns a bearer token into the user it belongs to, or nothing when the
// token is malformed, forged, expired, revoked, or its user is disabled.
class Authenticator {
public:
    virtual ~Authenticator() = default;
    virtual std::optional<sdk::UserInfo> authenticate(std::string_view token) const = 0;
};

}  // namespace billing::host
