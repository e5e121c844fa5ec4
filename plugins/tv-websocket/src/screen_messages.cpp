#include "screen_messages.hpp"

namespace tv::screen_messages {

namespace {

nlohmann::json session_of(const nlohmann::json& session, std::int64_t now_ms) {
    if (!session.is_object()) return nullptr;
    const auto& remaining = session.at("remaining_ms");
    // Instants are sent relative to the server_time_ms of the same message,
    // so the page needs no date parsing and no time zone.
    return {{"id", session.at("id")},
            {"member_name", session.at("member_name")},
            {"package_name", session.at("package_name")},
            {"started_at_ms", now_ms - session.at("played_ms").get<std::int64_t>()},
            {"deadline_at_ms", remaining.is_null() ? nlohmann::json(nullptr)
                                                   : nlohmann::json(now_ms + remaining.get<std::int64_t>())},
            {"remaining_ms", remaining},
            {"played_ms", session.at("played_ms")},
            {"open_play", session.at("kind") == "open"}};
}

}  // namespace

std::string mode_of(const nlohmann::json& station) {
    if (!station.is_object()) return "unpaired";
    const auto state = station.at("state").get<std::string>();
    // "offline" is the host's view of a station whose TV is gone; the TV
    // that shows it is, by definition, back.
    if (state == "offline") return "locked";
    return state;
}

nlohmann::json state(const Device& device, const nlohmann::json& station, const nlohmann::json& shop,
                     std::int64_t now_ms) {
    const auto mode = mode_of(station);
    nlohmann::json message = {{"type", "state"},
                              {"protocol", 1},
                              {"server_time_ms", now_ms},
                              {"shop", shop},
                              {"device", {{"id", device.id}, {"name", device.name}}},
                              {"mode", mode},
                              {"station", nullptr},
                              {"session", nullptr}};
    if (station.is_object()) {
        message["station"] = {{"code", station.at("code")},
                              {"name", station.at("name")},
                              {"console_type", station.at("console_type")}};
        if (mode == "active" || mode == "paused") message["session"] = session_of(station.at("session"), now_ms);
    }
    return message;
}

std::string login_link(const std::string& whatsapp_number, const std::string& station_code,
                       const std::string& nonce) {
    // Codes are [A-Z0-9_-] and nonces [A-Z2-9]: only the space needs escaping.
    return "https://wa.me/" + whatsapp_number + "?text=" + station_code + "%20" + nonce;
}

std::string pairing_link(const std::string& host, const std::string& code) {
    return "http://" + host + "/#/tv-pairing/" + code;
}

}  // namespace tv::screen_messages
