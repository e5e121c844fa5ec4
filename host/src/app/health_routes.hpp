#pragma once
#include <chrono>

namespace billing::host {

class Router;

// GET /api/v1/health: public, answers while the host serves.
void register_health_routes(Router& router, std::chrono::steady_clock::time_point started);

}  // namespace billing::host
