#include "settings/settings_routes.hpp"

#include "api/json_input.hpp"
#include "api/router.hpp"
#include "settings/settings_store.hpp"

namespace billing::host {

void register_settings_routes(Router& router, const Poster& workers, SettingsStore& settings) {
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/settings",
                     .access = sdk::Access::signed_in(),
                     .action = "settings.view",
                     .handler = [&settings](const sdk::HttpRequest&) { return sdk::HttpResponse::ok(settings.all()); },
                     .poster = workers});
    router.add(Route{.method = "PUT",
                     .pattern = "/api/v1/settings",
                     .access = sdk::Access::permitted("settings.manage"),
                     .action = "settings.update",
                     .handler =
                         [&settings](const sdk::HttpRequest& request) {
                             auto changes = json_input::object_body(request.body);
                             auto response = sdk::HttpResponse::ok(settings.update(changes));
                             response.audit_target = "settings";
                             nlohmann::json keys = nlohmann::json::array();
                             for (const auto& item : changes.items()) keys.push_back(item.key());
                             response.audit_details = {{"keys", keys}};
                             return response;
                         },
                     .poster = workers});
}

}  // namespace billing::host
