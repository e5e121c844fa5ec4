#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "device_registry.hpp"

// The server → TV messages that describe the screen (docs/protocols/tv-websocket.md).
namespace tv::screen_messages {

// The `mode` a station's live state shows on its TV.
std::string mode_of(const nlohmann::json& station);

// The `state` snapshot of `device`; `station` is the rental core's station
// (with its live session) or null when the device has none; `shop` is
// {name, time_zone}.
nlohmann::json state(const Device& device, const nlohmann::json& station, const nlohmann::json& shop,
                     std::int64_t now_ms);

// The wa.me link in the login QR: the chat opens with "<code> <nonce>" typed in.
std::string login_link(const std::string& whatsapp_number, const std::string& station_code, const std::string& nonce);
// The dashboard's pairing page for `code`, on the host as the TV reached it.
std::string pairing_link(const std::string& host, const std::string& code);

}  // namespace tv::screen_messages
