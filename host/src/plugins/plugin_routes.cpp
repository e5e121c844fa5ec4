#include "plugins/plugin_routes.hpp"

#include "api/json_input.hpp"
#include "api/router.hpp"
#include "plugins/plugin_manager.hpp"

namespace billing::host {

namespace {

sdk::HttpResponse audited(nlohmann::json body, const std::string& id, nlohmann::json details) {
    auto response = sdk::HttpResponse::ok(body);
    response.audit_target = "plugin:" + id;
    response.audit_details = std::move(details);
    return response;
}

}  // namespace

void register_plugin_routes(Router& router, const Poster& workers, PluginManager& plugins) {
    const auto view = sdk::Access::permitted("plugins.view");
    const auto manage = sdk::Access::permitted("plugins.manage");
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/plugins",
                     .access = view,
                     .action = "plugins.list",
                     .handler = [&plugins](const sdk::HttpRequest&) { return sdk::HttpResponse::ok(plugins.list()); },
                     .poster = workers});
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/plugins/{id}",
                     .access = view,
                     .action = "plugins.view",
                     .handler =
                         [&plugins](const sdk::HttpRequest& request) {
                             return sdk::HttpResponse::ok(plugins.describe(request.path_params.at("id")));
                         },
                     .poster = workers});
    // One route turns a plugin on or off; the audit details say which.
    router.add(Route{.method = "PUT",
                     .pattern = "/api/v1/plugins/{id}",
                     .access = manage,
                     .action = "plugins.set_enabled",
                     .handler =
                         [&plugins](const sdk::HttpRequest& request) {
                             const auto& id = request.path_params.at("id");
                             auto body = json_input::object_body(request.body);
                             auto enabled = json_input::optional_bool(body, "enabled");
                             if (!enabled) throw sdk::ApiError(400, "missing_field", "enabled is required");
                             bool cascade = json_input::optional_bool(body, "cascade").value_or(false);
                             return audited(plugins.set_enabled(id, *enabled, cascade), id,
                                            {{"enabled", *enabled}, {"cascade", cascade}});
                         },
                     .poster = workers});
    // The sidebar's plugin pages, for everyone signed in (a page may name
    // the permission it needs in its manifest entry).
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/web-pages",
                     .access = sdk::Access::signed_in(),
                     .action = "plugins.web_pages",
                     .handler =
                         [&plugins](const sdk::HttpRequest& request) {
                             return sdk::HttpResponse::ok(plugins.web_pages(*request.user));
                         },
                     .poster = workers});
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/plugins/{id}/config",
                     .access = view,
                     .action = "plugins.view_config",
                     .handler =
                         [&plugins](const sdk::HttpRequest& request) {
                             return sdk::HttpResponse::ok(plugins.config(request.path_params.at("id")));
                         },
                     .poster = workers});
    router.add(Route{.method = "PUT",
                     .pattern = "/api/v1/plugins/{id}/config",
                     .access = manage,
                     .action = "plugins.configure",
                     .handler =
                         [&plugins](const sdk::HttpRequest& request) {
                             const auto& id = request.path_params.at("id");
                             auto config = json_input::object_body(request.body);
                             // Only the names of the keys: values may be secrets.
                             nlohmann::json keys = nlohmann::json::array();
                             for (const auto& item : config.items()) keys.push_back(item.key());
                             return audited(plugins.set_config(id, config), id, {{"keys", keys}});
                         },
                     .poster = workers});
}

}  // namespace billing::host
