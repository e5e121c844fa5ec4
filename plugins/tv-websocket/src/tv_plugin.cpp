// The tv-websocket plugin: the kiosk page on each TV (web/tv) talks to it
// over /ws/tv-websocket; admins pair, unpair and revoke TVs through its
// routes. Protocol: docs/protocols/tv-websocket.md.
#include <billing/sdk/sdk.hpp>

#include <memory>

#include "admin_routes.hpp"
#include "device_registry.hpp"
#include "json_text.hpp"
#include "tv_hub.hpp"

namespace {

using namespace billing::sdk;

// The stations a session.* or station.* event is about.
std::vector<std::int64_t> stations_in(const nlohmann::json& payload) {
    std::vector<std::int64_t> ids;
    auto add = [&](const nlohmann::json& object, const char* key) {
        if (object.is_object() && object.contains(key) && object[key].is_number_integer())
            ids.push_back(object[key].get<std::int64_t>());
    };
    add(payload.value("session", nlohmann::json()), "station_id");
    add(payload.value("station", nlohmann::json()), "id");
    add(payload.value("from_station", nlohmann::json()), "id");
    add(payload.value("to_station", nlohmann::json()), "id");
    add(payload, "station_id");
    return ids;
}

class TvWebSocketPlugin : public Plugin {
public:
    void start(PluginContext& context) override {
        devices_ = std::make_unique<tv::DeviceRegistry>(context.storage());
        devices_->migrate();
        hub_ = std::make_unique<tv::TvHub>(context, *devices_, tv::TvConfig::from_json(context.config()));
        auto& hub = *hub_;

        context.websockets().add("", {.on_open = [&hub](const WebSocketPtr& socket) { hub.opened(socket); },
                                      .on_message = [&hub](const WebSocketPtr& socket,
                                                           const std::string& text) { hub.received(socket, text); },
                                      .on_close = [&hub](const WebSocketPtr& socket) { hub.closed(socket); }},
                                 {.access = Access::anyone(), .max_message_bytes = 16 * 1024});

        auto& bus = context.bus();
        bus.subscribe("session.*", [&hub](const Event& event) { hub.stations_changed(stations_in(event.payload)); });
        bus.subscribe("station.*", [&hub](const Event& event) {
            hub.station_changed(event.topic, event.payload);
            // A TV link coming or going changes nothing its own screen shows.
            if (event.topic != "station.tv_changed") hub.stations_changed(stations_in(event.payload));
        });
        bus.subscribe("session.ending_soon", [&hub](const Event& event) {
            const auto minutes = event.payload.at("minutes_left").get<int>();
            hub.notice_to_station(event.payload.at("session").at("station_id").get<std::int64_t>(),
                                  {{"text", std::to_string(minutes) + " menit lagi"},
                                   {"level", minutes <= 1 ? "critical" : "warning"},
                                   {"seconds", 15}});
        });
        bus.subscribe("tv.command", [&hub](const Event& event) { hub.command(event.payload); });
        bus.subscribe("tv.nonce_redeem", [&hub, &bus](const Event& event) {
            const auto station = tv::text_field(event.payload, "station_code");
            const bool ok = hub.redeem_login_nonce(station, tv::text_field(event.payload, "nonce"));
            const auto request_id = event.payload.is_object() ? event.payload.value("request_id", nlohmann::json())
                                                              : nlohmann::json();
            bus.publish("tv.nonce_redeemed", {{"request_id", request_id}, {"station_code", station}, {"ok", ok}});
        });
        // Login QRs are replaced on time; a second is fine-grained enough.
        context.scheduler().every(std::chrono::seconds(1), [&hub] { hub.rotate_login_codes(); });

        tv::add_admin_routes(context.routes(), hub);
    }

    void configure(const nlohmann::json& config) override {
        if (hub_) hub_->configure(tv::TvConfig::from_json(config));
    }

    void stop() override {
        hub_.reset();
        devices_.reset();
    }

private:
    std::unique_ptr<tv::DeviceRegistry> devices_;
    std::unique_ptr<tv::TvHub> hub_;
};

}  // namespace

BILLING_PLUGIN(TvWebSocketPlugin)
