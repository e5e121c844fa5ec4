#pragma once
#include "core/poster.hpp"

namespace billing::host {

class Router;
class PluginManager;

// The plugins API:
//   GET /api/v1/plugins              (plugins.view)   -> {"plugins":[...]}
//   GET /api/v1/plugins/{id}         (plugins.view)   -> the plugin
//   PUT /api/v1/plugins/{id}         (plugins.manage) {enabled, cascade?} -> the plugin
//   GET /api/v1/plugins/{id}/config  (plugins.view)   -> {config, schema}
//   PUT /api/v1/plugins/{id}/config  (plugins.manage) the whole config -> {config, schema}
void register_plugin_routes(Router& router, const Poster& workers, PluginManager& plugins);

}  // namespace billing::host
