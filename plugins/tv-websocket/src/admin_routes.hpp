#pragma once
#include <billing/sdk/http.hpp>

namespace tv {

class TvHub;

// The admin's routes under /api/v1/plugins/tv-websocket/ (permission tv.manage).
void add_admin_routes(billing::sdk::HttpRoutes& routes, TvHub& hub);

}  // namespace tv
