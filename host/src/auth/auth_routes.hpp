#pragma once
#include "core/poster.hpp"

namespace billing::host {

class Router;
class AuthService;

// Registers, running on `workers`:
//   POST   /api/v1/auth/login      anyone      auth.login
//   GET    /api/v1/auth/me         signed in
//   POST   /api/v1/auth/password   signed in   auth.password
//   GET    /api/v1/users           admin
//   POST   /api/v1/users           admin       users.create
//   GET    /api/v1/users/{id}      admin
//   PUT    /api/v1/users/{id}      admin       users.update
//   DELETE /api/v1/users/{id}      admin       users.delete
//   GET    /api/v1/permissions     signed in
// `auth` must outlive the routes.
void register_auth_routes(Router& router, const Poster& workers, AuthService& auth);

}  // namespace billing::host
