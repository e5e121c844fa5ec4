#include "app/route_list_routes.hpp"

#include <nlohmann/json.hpp>

#include "api/router.hpp"

namespace billing::host {
namespace {

nlohmann::json describe(const sdk::Access& access) {
    switch (access.kind) {
        case sdk::Access::Kind::public_route: return {{"kind", "anyone"}};
        case sdk::Access::Kind::authenticated: return {{"kind", "signed_in"}};
        case sdk::Access::Kind::permission: return {{"kind", "permission"}, {"permission", access.permission}};
        case sdk::Access::Kind::admin: return {{"kind", "admin"}};
    }
    return nullptr;
}

}  // namespace

void register_route_list_routes(Router& router) {
    Route route;
    route.method = "GET";
    route.pattern = "/api/v1/routes";
    route.access = sdk::Access::admin_only();
    route.action = "routes.list";
    route.handler = [&router](const sdk::HttpRequest&) {
        auto routes = nlohmann::json::array();
        for (const auto& info : router.list())
            routes.push_back(
                {{"method", info.method}, {"path", info.pattern}, {"owner", info.owner}, {"access", describe(info.access)}});
        return sdk::HttpResponse::ok({{"routes", std::move(routes)}});
    };
    // Answered inline on the network thread: a copy of the table under a
    // shared lock, nothing that blocks.
    route.poster = [](std::function<void()> job) { job(); };
    router.add(std::move(route));
}

}  // namespace billing::host
