#pragma once
#include <memory>

#include <billing/sdk/http.hpp>

#include "plugins/callback_table.hpp"
#include "plugins/plugin_guard.hpp"

namespace billing::host {

class Router;

// The HTTP routes of one plugin, mounted at /api/v1/plugins/<id><pattern>.
// Handlers run on the plugin's strand: an sdk::ApiError is an answer, any
// other exception faults the plugin and answers 500 plugin_faulted.
class PluginHttpRoutes : public sdk::HttpRoutes, public std::enable_shared_from_this<PluginHttpRoutes> {
public:
    PluginHttpRoutes(Router& router, std::shared_ptr<PluginGuard> guard);

    // `pattern` is empty or starts with '/'. Throws std::invalid_argument for
    // a malformed pattern or one the plugin already registered.
    sdk::RouteId add(const std::string& method, const std::string& pattern, sdk::Access access,
                     sdk::RouteHandler handler) override;
    void remove(sdk::RouteId id) override;

    std::size_t count() const { return handlers_.size(); }
    // Removes every route of the plugin.
    void close();

private:
    sdk::HttpResponse handle(CallbackTable<sdk::RouteHandler>::Key key, const sdk::HttpRequest& request);

    Router& router_;
    const std::shared_ptr<PluginGuard> guard_;
    CallbackTable<sdk::RouteHandler> handlers_;
};

}  // namespace billing::host
