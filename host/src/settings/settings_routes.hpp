#pragma once
#include "core/poster.hpp"

namespace billing::host {

class Router;
class SettingsStore;

// GET /api/v1/settings (signed in) and PUT /api/v1/settings (permission
// settings.manage, a partial object of settings).
void register_settings_routes(Router& router, const Poster& workers, SettingsStore& settings);

}  // namespace billing::host
