#include "app/health_routes.hpp"

#include "api/router.hpp"

namespace billing::host {

void register_health_routes(Router& router, std::chrono::steady_clock::time_point started) {
    Route route;
    route.method = "GET";
    route.pattern = "/api/v1/health";
    route.access = sdk::Access::anyone();
    route.action = "health";
    route.handler = [started](const sdk::HttpRequest&) {
        auto uptime = std::chrono::steady_clock::now() - started;
        return sdk::HttpResponse::ok(
            {{"status", "ok"},
             {"version", BILLING_HOST_VERSION},
             {"uptime_seconds", std::chrono::duration_cast<std::chrono::seconds>(uptime).count()}});
    };
    // Answered inline on the network thread: it touches nothing that blocks,
    // and a health check should not queue behind slow database work.
    route.poster = [](std::function<void()> job) { job(); };
    router.add(std::move(route));
}

}  // namespace billing::host
