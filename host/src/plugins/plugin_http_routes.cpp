#include "plugins/plugin_http_routes.hpp"

#include <exception>
#include <stdexcept>

#include "api/router.hpp"

namespace billing::host {

namespace {

sdk::HttpResponse not_running(const std::string& plugin_id) {
    return sdk::HttpResponse::error(503, "plugin_unavailable", "plugin " + plugin_id + " is not running");
}

}  // namespace

PluginHttpRoutes::PluginHttpRoutes(Router& router, std::shared_ptr<PluginGuard> guard)
    : router_(router), guard_(std::move(guard)) {}

sdk::RouteId PluginHttpRoutes::add(const std::string& method, const std::string& pattern, sdk::Access access,
                                   sdk::RouteHandler handler) {
    if (guard_->closed()) throw std::logic_error("plugin " + guard_->plugin_id() + " is stopped");
    if (!pattern.empty() && pattern.front() != '/')
        throw std::invalid_argument("plugin route pattern '" + pattern + "' must be empty or start with '/'");
    const auto& id = guard_->plugin_id();
    auto key = handlers_.add(std::move(handler));
    Route route;
    route.method = method;
    route.pattern = "/api/v1/plugins/" + id + pattern;
    route.access = std::move(access);
    route.action = id + ":" + method + " " + (pattern.empty() ? "/" : pattern);
    route.owner = id;
    route.poster = guard_->poster();
    route.handler = [self = weak_from_this(), key, id](const sdk::HttpRequest& request) {
        auto routes = self.lock();
        return routes ? routes->handle(key, request) : not_running(id);
    };
    try {
        handlers_.set_host_id(key, router_.add(std::move(route)));
    } catch (...) {
        handlers_.take(key);
        throw;
    }
    return key;
}

void PluginHttpRoutes::remove(sdk::RouteId id) {
    if (auto route = handlers_.take(id)) router_.remove(*route);
}

void PluginHttpRoutes::close() {
    for (auto route : handlers_.take_all()) router_.remove(route);
}

sdk::HttpResponse PluginHttpRoutes::handle(CallbackTable<sdk::RouteHandler>::Key key,
                                           const sdk::HttpRequest& request) {
    auto handler = handlers_.find(key);
    if (!handler || guard_->closed()) return not_running(guard_->plugin_id());
    std::string reason;
    try {
        return (*handler)(request);
    } catch (const sdk::ApiError& error) {
        return error.response();
    } catch (const std::exception& error) {
        reason = error.what();
    } catch (...) {
        reason = "a non-standard exception";
    }
    guard_->fault(reason);
    return sdk::HttpResponse::error(500, "plugin_faulted",
                                    "plugin " + guard_->plugin_id() + " failed and was stopped");
}

}  // namespace billing::host
