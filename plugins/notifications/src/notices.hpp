#pragma once
#include <nlohmann/json.hpp>

#include "notice.hpp"

// What each rule says, in Bahasa Indonesia (the shop's language; `data`
// carries the facts for a dashboard that words them itself). Payloads are
// the events' (docs/events.md); sessions are the API's session objects.
namespace notifications::notices {

Notice ending_soon(const nlohmann::json& session, int threshold_minutes, int minutes_left);
// A session.ended payload.
Notice session_ended(const nlohmann::json& payload);
// A station (with its live session) whose TV went offline.
Notice tv_offline(const nlohmann::json& station);
// An adb.tv_unauthorized payload {station_id, station_code, address, message}.
Notice adb_unauthorized(const nlohmann::json& payload);
// A plugin.faulted payload {id, reason}.
Notice plugin_faulted(const nlohmann::json& payload);

}  // namespace notifications::notices
