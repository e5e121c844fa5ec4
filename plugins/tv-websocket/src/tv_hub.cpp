#include "tv_hub.hpp"

#include <chrono>

#include <billing/sdk/http.hpp>

#include "json_text.hpp"
#include "screen_messages.hpp"
#include "tv_hello.hpp"

namespace tv {

namespace {

using billing::sdk::ApiError;
using billing::sdk::WebSocketPtr;

std::string text_setting(const billing::sdk::Settings& settings, const std::string& key) {
    return text_or_empty(settings.get(key));
}

}  // namespace

TvHub::TvHub(billing::sdk::PluginContext& context, DeviceRegistry& devices, TvConfig config)
    : context_(context),
      devices_(devices),
      config_(std::move(config)),
      nonces_(config_.login_nonce_ms),
      stations_(context.rental()) {}

void TvHub::configure(TvConfig config) {
    config_ = std::move(config);
    nonces_.set_lifetime(config_.login_nonce_ms);
}

std::int64_t TvHub::now_ms() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void TvHub::opened(const WebSocketPtr& socket) {
    links_[socket->id()] = Link{.socket = socket};
    // A TV has a few seconds to say hello; a silent connection is dropped.
    context_.scheduler().after(std::chrono::milliseconds(config_.hello_timeout_ms), [this, id = socket->id()] {
        auto found = links_.find(id);
        if (found == links_.end() || !found->second.device_key.empty()) return;
        send(found->second, {{"type", "error"}, {"code", "hello_required"}, {"message", "no hello in time"}});
        found->second.socket->close("no hello in time");
    });
}

void TvHub::closed(const WebSocketPtr& socket) {
    auto found = links_.find(socket->id());
    if (found == links_.end()) return;
    auto device_id = found->second.device_id;
    link_to_device(found->second, std::nullopt);
    links_.erase(found);
    if (!device_id) return;
    auto device = devices_.by_id(*device_id);
    nlohmann::json station_code = nullptr;
    if (device && device->station_id) {
        station_code = station_code_of(device->station_id);
        update_online(*device->station_id);
    }
    context_.bus().publish("tv.disconnected", {{"device_id", *device_id}, {"station_code", station_code}});
}

void TvHub::received(const WebSocketPtr& socket, const std::string& text) {
    auto found = links_.find(socket->id());
    if (found == links_.end()) return;
    auto& link = found->second;
    try {
        auto message = parse_message(text);
        const auto type = message["type"].get<std::string>();
        if (link.device_key.empty()) {
            if (type != "hello") throw ProtocolError{"hello_required", "the first message must be hello"};
            greet(link, message);
        } else if (type == "heartbeat") {
            send(link, {{"type", "heartbeat"}, {"server_time_ms", now_ms()}});
        } else if (type == "resync") {
            show(link);
        } else if (type == "ack") {
            if (!message.contains("id") || !message["id"].is_string())
                throw ProtocolError{"malformed_message", "ack needs a string \"id\""};
        } else {
            throw ProtocolError{"unknown_type", "unknown message type \"" + utf8_prefix(type, 40) + "\""};
        }
    } catch (const ProtocolError& error) {
        refuse(link, error.code, error.message);
    } catch (const std::exception& error) {
        // A failure behind one TV's message (the database, say) closes that
        // connection; the TV reconnects, and the other TVs are not affected
        // as they would be if the plugin faulted.
        context_.log().error("TV connection " + std::to_string(socket->id()) + ": " + error.what());
        send(link, {{"type", "error"}, {"code", "internal_error"}, {"message", "the server could not handle that"}});
        socket->close("internal error");
    }
}

void TvHub::refuse(Link& link, const std::string& code, const std::string& message) {
    context_.log().warn("TV connection " + std::to_string(link.socket->id()) + " from " +
                        link.socket->remote_address() + ": " + code + ": " + message);
    send(link, {{"type", "error"}, {"code", code}, {"message", message}});
    // Without a hello nothing else can follow; the error is sent first so
    // the page can say why.
    if (code == "hello_required" || code == "protocol_unsupported") {
        link.socket->close(code);
    } else if (++link.bad_messages >= config_.max_bad_messages) {
        link.socket->close("too many bad messages");
    }
}

void TvHub::greet(Link& link, const nlohmann::json& message) {
    auto hello = parse_hello(message);
    link.device_key = hello.device_key;
    const auto& ip = link.socket->remote_address();
    if (hello.token) {
        if (auto device = devices_.by_token(*hello.token)) {
            devices_.seen(device->id, ip, hello.user_agent, now_ms());
            link_to_device(link, device->id);
            show(link);
            if (device->station_id) update_online(*device->station_id);
            context_.bus().publish("tv.connected", device_json(*devices_.by_id(device->id)));
            return;
        }
        send(link, {{"type", "error"}, {"code", "invalid_token"}, {"message", "this TV's token is not valid any more"}});
    }
    attach_pending(link, ip, hello.user_agent);
}

// A TV without a valid token: paired at once when its address is a
// station's IP mapping, otherwise a pending device waiting for an admin.
void TvHub::attach_pending(Link& link, const std::string& ip, const std::string& user_agent) {
    auto device = devices_.pending(link.device_key, ip, user_agent, now_ms());
    link_to_device(link, device.id);
    if (auto station = stations_.station_with_ip(ip)) {
        pair(device.id, station->at("code").get<std::string>(), "", "plugin:tv-websocket");
        return;
    }
    show(link);
    context_.bus().publish("tv.pairing_requested", device_json(device));
    context_.bus().publish("tv.connected", device_json(device));
}

void TvHub::send(Link& link, const nlohmann::json& message) { link.socket->send(message.dump()); }

// Sends the full state, then the QR the screen shows (if any).
void TvHub::show(Link& link) {
    if (!link.device_id) return;
    auto device = devices_.by_id(*link.device_id);
    if (!device) return;
    const auto now = now_ms();
    auto station = device->station_id ? station_by_id(*device->station_id) : nlohmann::json(nullptr);
    const nlohmann::json shop = {{"name", text_setting(context_.settings(), "shop_name")},
                                 {"time_zone", text_setting(context_.settings(), "time_zone")}};
    auto state = screen_messages::state(*device, station, shop, now);
    send(link, state);
    link.qr_replaced_at_ms = 0;
    const auto mode = state["mode"].get<std::string>();
    if (mode == "unpaired") {
        const auto host = link.socket->headers().count("host") ? link.socket->headers().at("host") : "";
        const auto text = screen_messages::pairing_link(host, device->pairing_code);
        send(link, {{"type", "qr"},
                    {"purpose", "pairing"},
                    {"code", device->pairing_code},
                    {"text", text},
                    {"svg", device->pairing_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(context_.qr().svg(text))},
                    {"expires_at_ms", nullptr}});
    } else if (mode == "locked") {
        const auto code = station.at("code").get<std::string>();
        const auto number = text_setting(context_.settings(), "whatsapp_number");
        if (number.empty()) {
            send(link, {{"type", "qr"}, {"purpose", "login"}, {"text", nullptr}, {"svg", nullptr}, {"expires_at_ms", nullptr}});
            return;
        }
        auto shown = nonces_.current(code, now);
        const auto text = screen_messages::login_link(number, code, shown.nonce);
        send(link, {{"type", "qr"},
                    {"purpose", "login"},
                    {"text", text},
                    {"svg", context_.qr().svg(text)},
                    {"expires_at_ms", shown.replaced_at_ms}});
        link.qr_replaced_at_ms = shown.replaced_at_ms;
    }
}

void TvHub::rotate_login_codes() {
    const auto now = now_ms();
    for (auto& [id, link] : links_)
        if (link.qr_replaced_at_ms != 0 && link.qr_replaced_at_ms <= now) show(link);
}

bool TvHub::redeem_login_nonce(const std::string& station_code, const std::string& nonce) {
    // Nonces are kept under the station's code as the board spells it.
    const auto station_id = station_id_of_code(station_code);
    if (!station_id) return false;
    const auto code = station_code_of(station_id);
    if (!code.is_string() || !nonces_.redeem(code.get<std::string>(), nonce, now_ms())) return false;
    for (auto& [id, link] : links_)
        if (link.qr_replaced_at_ms != 0 && link.device_id) {
            auto device = devices_.by_id(*link.device_id);
            if (device && device->station_id == station_id) show(link);
        }
    return true;
}

void TvHub::station_changed(const std::string& topic, const nlohmann::json& payload) {
    stations_.station_changed(topic, payload);
}

void TvHub::stations_changed(const std::vector<std::int64_t>& station_ids) {
    for (auto station_id : station_ids)
        for (auto* link : links_of_station(station_id)) show(*link);
}

void TvHub::notice_to_station(std::int64_t station_id, const nlohmann::json& notice) {
    for (auto* link : links_of_station(station_id)) {
        auto message = notice;
        message["type"] = "notice";
        send(*link, message);
    }
}

void TvHub::command(const nlohmann::json& request) {
    if (!request.is_object()) {
        context_.log().warn("tv.command ignored: the request is not an object");
        return;
    }
    std::optional<Device> device;
    if (request.contains("device_id") && request["device_id"].is_number_integer())
        device = devices_.by_id(request["device_id"].get<std::int64_t>());
    else if (request.contains("station_code") && request["station_code"].is_string()) {
        if (auto station_id = station_id_of_code(request["station_code"].get<std::string>()))
            device = devices_.paired_to(*station_id);
    }
    if (!device || !request.contains("command") || !request["command"].is_string()) {
        context_.log().warn("tv.command ignored: no such TV or no command in " + request.dump().substr(0, 200));
        return;
    }
    nlohmann::json message = {{"type", "command"},
                              {"id", "c-" + std::to_string(next_command_++)},
                              {"command", request["command"]},
                              {"args", request.value("args", nlohmann::json::object())}};
    for (auto* link : links_of_device(device->id)) send(*link, message);
}

nlohmann::json TvHub::station_by_id(std::int64_t station_id) { return stations_.station(station_id); }

nlohmann::json TvHub::station_code_of(const std::optional<std::int64_t>& station_id) {
    if (!station_id) return nullptr;
    // The station may have been deleted under its TV: then there is no code.
    const auto station = station_by_id(*station_id);
    return station.is_object() ? station.at("code") : nlohmann::json(nullptr);
}

std::optional<std::int64_t> TvHub::station_id_of_code(const std::string& code) { return stations_.id_of_code(code); }

void TvHub::link_to_device(Link& link, std::optional<std::int64_t> device_id) {
    if (link.device_id) {
        auto& ids = link_ids_by_device_[*link.device_id];
        ids.erase(link.socket->id());
        if (ids.empty()) link_ids_by_device_.erase(*link.device_id);
    }
    link.device_id = device_id;
    if (device_id) link_ids_by_device_[*device_id].insert(link.socket->id());
}

std::vector<TvHub::Link*> TvHub::links_of_device(std::int64_t device_id) {
    std::vector<Link*> links;
    if (auto found = link_ids_by_device_.find(device_id); found != link_ids_by_device_.end())
        for (auto id : found->second) links.push_back(&links_.at(id));
    return links;
}

std::vector<TvHub::Link*> TvHub::links_of_station(std::int64_t station_id) {
    // Most session events come while no TV is connected for their station;
    // with no TV connected at all there is nothing to find, so no lookup.
    if (link_ids_by_device_.empty()) return {};
    auto device = devices_.paired_to(station_id);
    return device ? links_of_device(device->id) : std::vector<Link*>{};
}

void TvHub::update_online(std::int64_t station_id) {
    auto station = station_by_id(station_id);
    if (!station.is_object()) return;
    auto device = devices_.paired_to(station_id);
    const bool online = device && !links_of_device(device->id).empty();
    context_.rental().set_tv_online(station.at("code").get<std::string>(), online);
}

nlohmann::json TvHub::device_json(const Device& device) {
    auto json = to_json(device);
    json["online"] = !links_of_device(device.id).empty();
    json["station_code"] = station_code_of(device.station_id);
    return json;
}

nlohmann::json TvHub::devices_json() {
    auto devices = nlohmann::json::array();
    for (const auto& device : devices_.all()) devices.push_back(device_json(device));
    return {{"devices", devices}};
}

Device TvHub::require_device(std::int64_t device_id) {
    auto device = devices_.by_id(device_id);
    if (!device) throw ApiError(404, "device_not_found", "no TV with id " + std::to_string(device_id));
    return *device;
}

std::optional<Device> TvHub::pending_by_code(const std::string& code) { return devices_.by_pairing_code(code); }

void TvHub::tell_unpaired(std::int64_t device_id, const std::string& reason) {
    for (auto* link : links_of_device(device_id)) {
        send(*link, {{"type", "unpaired"}, {"reason", reason}});
        show(*link);
    }
}

nlohmann::json TvHub::pair(std::int64_t device_id, const std::optional<std::string>& station_code,
                           const std::string& name, const std::string& actor) {
    auto device = require_device(device_id);
    if (device.state == "revoked")
        throw ApiError(409, "device_revoked", "TV " + std::to_string(device_id) + " was revoked; it pairs again once it reconnects");
    nlohmann::json station;
    if (station_code) {
        station = context_.rental().station(*station_code);
    } else {
        if (!config_.auto_add_stations)
            throw ApiError(409, "auto_add_disabled",
                           "name a station: adding one for each new TV is turned off in the TV plugin's settings");
        station = context_.rental().create_station({{"console_type", config_.new_station_console_type}});
    }
    const auto station_id = station.at("id").get<std::int64_t>();
    const auto previous_station = device.station_id;

    // The newer TV wins the station; the older one is told and shows the pairing screen.
    if (auto holder = devices_.paired_to(station_id); holder && holder->id != device_id) {
        devices_.unpair(holder->id);
        tell_unpaired(holder->id, "replaced");
        context_.bus().publish("tv.unpaired", {{"device_id", holder->id}, {"station_code", station.at("code")},
                                                {"reason", "replaced"}, {"actor", actor}});
    }
    const auto token = devices_.pair(device_id, station_id, name, now_ms());
    for (auto* link : links_of_device(device_id)) {
        send(*link, {{"type", "paired"}, {"token", token},
                     {"station", {{"code", station.at("code")}, {"name", station.at("name")}}}});
        show(*link);
    }
    if (previous_station && *previous_station != station_id) update_online(*previous_station);
    update_online(station_id);
    auto paired = device_json(*devices_.by_id(device_id));
    context_.bus().publish("tv.paired", {{"device", paired}, {"station_code", station.at("code")}, {"actor", actor}});
    return paired;
}

nlohmann::json TvHub::unpair(std::int64_t device_id, const std::string& actor) {
    auto device = require_device(device_id);
    if (device.state != "paired")
        throw ApiError(409, "device_not_paired", "TV " + std::to_string(device_id) + " is not paired");
    const auto station_code = station_code_of(device.station_id);
    devices_.unpair(device_id);
    tell_unpaired(device_id, "unpaired");
    update_online(*device.station_id);
    context_.bus().publish("tv.unpaired", {{"device_id", device_id}, {"station_code", station_code},
                                            {"reason", "unpaired"}, {"actor", actor}});
    return device_json(*devices_.by_id(device_id));
}

nlohmann::json TvHub::revoke(std::int64_t device_id, const std::string& actor) {
    auto device = require_device(device_id);
    const auto station_code = station_code_of(device.station_id);
    devices_.revoke(device_id);
    if (device.station_id) update_online(*device.station_id);
    context_.bus().publish("tv.unpaired", {{"device_id", device_id}, {"station_code", station_code},
                                            {"reason", "revoked"}, {"actor", actor}});
    auto revoked = device_json(*devices_.by_id(device_id));
    // A TV that is on now forgets its token and starts over as a pending device.
    for (auto* link : links_of_device(device_id)) {
        send(*link, {{"type", "unpaired"}, {"reason", "revoked"}});
        attach_pending(*link, link->socket->remote_address(), device.user_agent);
    }
    return revoked;
}

void TvHub::forget(std::int64_t device_id, const std::string& actor) {
    auto device = require_device(device_id);
    for (auto* link : links_of_device(device_id)) {
        link_to_device(*link, std::nullopt);
        link->socket->close("this TV was removed");
    }
    devices_.forget(device_id);
    if (device.station_id) update_online(*device.station_id);
    context_.bus().publish("tv.unpaired", {{"device_id", device_id}, {"station_code", nullptr},
                                            {"reason", "removed"}, {"actor", actor}});
}

}  // namespace tv
