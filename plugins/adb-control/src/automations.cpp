#include "automations.hpp"

namespace adb {

namespace {

using namespace billing::sdk;
using nlohmann::json;

constexpr std::string_view kCommandPrefix = "adb.";

// The text field `key` of `object`, or "" when either is missing or of another type.
std::string text_of(const json& object, const char* key) {
    if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return {};
    return object[key].get<std::string>();
}

json field_of(const json& object, const char* key) {
    return object.is_object() && object.contains(key) ? object[key] : json();
}

// Events come from the host and other plugins: one that is not shaped as
// documented is logged and dropped rather than faulting this plugin.
EventHandler guarded(Logger& log, std::function<void(const Event&)> handler) {
    return [&log, handler = std::move(handler)](const Event& event) {
        try {
            handler(event);
        } catch (const std::exception& error) {
            log.warn("adb: " + event.topic + " from " + event.source + " ignored: " + error.what());
        }
    };
}

// The station an event names, looked up now (it may have changed since).
// By code when the event carries one (a session's station_code, a station's
// code): that reads one station, where a lookup by id builds the whole
// board, which cost a fifth of the host's CPU under session load.
json station_of(AdbController& controller, const json& station_or_session) {
    if (!station_or_session.is_object()) return nullptr;
    for (const char* key : {"station_code", "code"})
        if (auto code = text_of(station_or_session, key); !code.empty()) return controller.find_station(code);
    if (station_or_session.contains("station_id") && station_or_session["station_id"].is_number_integer())
        return controller.find_station(station_or_session["station_id"].get<std::int64_t>());
    if (station_or_session.contains("id") && station_or_session["id"].is_number_integer())
        return controller.find_station(station_or_session["id"].get<std::int64_t>());
    return nullptr;
}

void session_started_on(AdbController& controller, const json& station) {
    if (station.is_null()) return;
    controller.cancel_sleep(station.at("id").get<std::int64_t>());
    if (!controller.config().automations.on_session_started) return;
    const auto volume = controller.config().volume_of(controller.config().station(station.at("code").get<std::string>()));
    controller.automate(station, "wake", json::object());
    controller.automate(station, "set_volume", {{"level", volume}});
    controller.automate(station, "hdmi", json::object());
}

void session_ended_on(AdbController& controller, const json& station) {
    if (station.is_null() || !controller.config().automations.on_session_ended) return;
    controller.automate(station, "kiosk", json::object());
    controller.schedule_sleep(station);
}

// Another plugin's request, answered through adb.command_failed when it
// cannot be queued (so the requester hears why).
void tv_command(AdbController& controller, Bus& bus, const Event& event) {
    const auto& request = event.payload;
    if (!request.is_object() || !request.contains("command") || !request["command"].is_string()) return;
    const auto command = request["command"].get<std::string>();
    if (!command.starts_with(kCommandPrefix) || !controller.config().automations.on_tv_command) return;
    const auto action = command.substr(kCommandPrefix.size());
    const auto request_id = field_of(request, "request_id");
    const auto code = field_of(request, "station_code");
    try {
        if (!code.is_string()) throw ApiError(400, "missing_field", "an adb tv.command needs a station_code");
        auto station = controller.find_station(code.get<std::string>());
        if (station.is_null())
            throw ApiError(404, "station_not_found", "station " + code.get<std::string>() + " does not exist");
        controller.submit(station, action, request.contains("args") ? request["args"] : json::object(),
                          {.source = "tv.command", .actor = "plugin:" + event.source, .request_id = request_id});
    } catch (const ApiError& refused) {
        bus.publish("adb.command_failed", {{"command_id", nullptr},
                                           {"station_code", code},
                                           {"action", action},
                                           {"source", "tv.command"},
                                           {"actor", "plugin:" + event.source},
                                           {"request_id", request_id},
                                           {"attempts", 0},
                                           {"error", {{"code", refused.code()}, {"message", refused.what()}}}});
    }
}

}  // namespace

void subscribe_automations(Bus& bus, Logger& log, AdbController& controller) {
    bus.subscribe(topics::session_started, guarded(log, [&controller](const Event& event) {
        session_started_on(controller, station_of(controller, field_of(event.payload, "session")));
    }));
    bus.subscribe(topics::session_ended, guarded(log, [&controller](const Event& event) {
        session_ended_on(controller, station_of(controller, field_of(event.payload, "session")));
    }));
    bus.subscribe(topics::session_moved, guarded(log, [&controller](const Event& event) {
        session_ended_on(controller, station_of(controller, field_of(event.payload, "from_station")));
        session_started_on(controller, station_of(controller, field_of(event.payload, "to_station")));
    }));
    bus.subscribe("tv.command", guarded(log, [&controller, &bus](const Event& event) { tv_command(controller, bus, event); }));

    // A TV page that connects is on the network again: its IP is the TV's.
    bus.subscribe("tv.connected", guarded(log, [&controller](const Event& event) {
        const auto code = text_of(event.payload, "station_code");
        if (!code.empty()) controller.tv_seen(code, text_of(event.payload, "ip"));
    }));
    bus.subscribe("tv.paired", guarded(log, [&controller](const Event& event) {
        const auto code = text_of(event.payload, "station_code");
        if (!code.empty()) controller.tv_seen(code, text_of(field_of(event.payload, "device"), "ip"));
    }));
    bus.subscribe(topics::station_updated, guarded(log, [&controller](const Event& event) {
        auto station = field_of(event.payload, "station");
        if (station.is_object()) controller.station_changed(station);
    }));
    bus.subscribe(topics::station_tv_changed, guarded(log, [&controller](const Event& event) {
        if (field_of(event.payload, "tv_online") != true) return;
        auto station = station_of(controller, event.payload);
        if (!station.is_null()) controller.station_changed(station);
    }));
}

}  // namespace adb
