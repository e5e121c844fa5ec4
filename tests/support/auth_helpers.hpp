#pragma once
#include <string>
#include <vector>

#include "support/http_client.hpp"

namespace billing::test {

// The password the helpers below give every account they sign in.
inline const std::string kTestPassword = "rahasia-uji-123";

// Signs in as admin (first-run password "ikbal", changed to kTestPassword
// as the host demands; also works once it has been changed), sets the token
// on `client` and returns it. Throws std::runtime_error on any other answer.
std::string admin_token(HttpClient& client);

// Creates an operator `name` with `permissions` through `admin` (a client
// holding an admin token), signs in as it, does its forced password change
// to kTestPassword and returns the operator's token.
std::string create_operator(HttpClient& admin, const std::string& name, std::vector<std::string> permissions);

}  // namespace billing::test
