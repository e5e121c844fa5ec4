#pragma once
#include <billing/sdk/sdk.hpp>

#include "adb_controller.hpp"

namespace adb {

// The bus subscriptions, each switchable in the config's `automations`:
//   session.started -> wake, set_volume (the station's default), hdmi
//   session.ended   -> kiosk, and sleep after sleep_after_seconds
//   session.moved   -> the old station as ended, the new one as started
//   tv.command      -> {station_code, command: "adb.<action>", args, request_id?}
// plus tv.connected / tv.paired / station.updated / station.tv_changed,
// which bring a TV's address up to date and reconnect it.
// Malformed events are logged to `log` and dropped.
void subscribe_automations(billing::sdk::Bus& bus, billing::sdk::Logger& log, AdbController& controller);

}  // namespace adb
