#pragma once
#include <billing/sdk/sdk.hpp>

#include "adb_controller.hpp"

namespace adb {

// The plugin's REST routes under /api/v1/plugins/adb-control, all needing
// tv.control (docs/protocols/adb-control.md):
//   GET  /status                    the server and every station's TV
//   GET  /stations/{id}             one station's TV
//   POST /stations/{id}/<action>    202, the action queued (wake, sleep,
//        volume-up, volume-down, mute, set-volume {level}, hdmi, kiosk,
//        read-screen, reconnect)
//   POST /refresh                   202, the server and TV links looked at again
void add_routes(billing::sdk::HttpRoutes& routes, AdbController& controller);

}  // namespace adb
