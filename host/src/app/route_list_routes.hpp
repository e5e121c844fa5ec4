#pragma once

namespace billing::host {

class Router;

// GET /api/v1/routes: admin only, every route served at this moment (the
// host's and the running plugins') with who may call it. For plugin authors
// and admins checking what a plugin added, and for the security test that
// holds every route to its table of expected access.
void register_route_list_routes(Router& router);

}  // namespace billing::host
