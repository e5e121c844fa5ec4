// The tv-websocket plugin's hub on any sequence of TV messages: its real
// sources, in the host's real plugin context over the in-process host, with
// one TV connection per input. Every message gets an answer (an `error` for a
// bad one) or none, never a crash; an exception escaping the hub would fault
// the plugin and is reported as a crash here.
//
// An input is one message a line. Two lines are actions around the TV:
//   !pair       the admin pairs this connection's device with station TV-1;
//   !reconnect  the TV reconnects and says hello with its token, if it has one.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>


#include <billing/sdk/http.hpp>
#include <billing/sdk/websocket.hpp>

#include "catalog/station_store.hpp"
#include "in_process_host.hpp"
#include "plugins/manifest.hpp"
#include "plugins/plugin_context.hpp"
#include "plugins/plugin_guard.hpp"
#include "sessions/rental_core.hpp"
#include "device_registry.hpp"
#include "tv_config.hpp"
#include "tv_hub.hpp"

namespace {

using billing::sdk::WebSocketPtr;

// A TV's connection as the hub sees it: what the hub sends is kept, the
// last `paired` token remembered.
class RecordingConnection : public billing::sdk::WebSocketConnection {
public:
    explicit RecordingConnection(std::uint64_t id) : id_(id) {}

    std::uint64_t id() const override { return id_; }
    const std::string& remote_address() const override { return address_; }
    const std::map<std::string, std::string>& query() const override { return empty_; }
    const std::map<std::string, std::string>& headers() const override { return empty_; }
    const std::optional<billing::sdk::UserInfo>& user() const override { return user_; }
    void send(std::string text) override {
        const auto message = nlohmann::json::parse(text);  // the hub only ever sends JSON
        if (message.value("type", "") == "paired") token = message.at("token").get<std::string>();
        // The hub's answer to a failure of its own: with a healthy database, a bug.
        if (message.value("code", "") == "internal_error") {
            std::fprintf(stderr, "the hub failed on a message: %s\n", text.c_str());
            std::abort();
        }
    }
    void close(const std::string&) override { open_ = false; }
    bool is_open() const override { return open_; }

    std::optional<std::string> token;

private:
    std::uint64_t id_;
    std::string address_ = "192.168.1.20";
    std::map<std::string, std::string> empty_;
    std::optional<billing::sdk::UserInfo> user_;
    bool open_ = true;
};

nlohmann::json default_config() {
    const auto manifest = billing::host::read_manifest(BILLING_SOURCE_DIR "/plugins/tv-websocket/plugin.json");
    return manifest.config_schema.with_defaults(nlohmann::json::object());
}

struct Harness {
    Harness()
        : guard(std::make_shared<billing::host::PluginGuard>(
              "tv-websocket", [](std::function<void()> job) { job(); },
              // What the host would fault the plugin for (a timer's exception) is a crash here.
              [](const std::string& reason) {
                  std::fprintf(stderr, "the plugin faulted: %s\n", reason.c_str());
                  std::abort();
              })),
          context(host.plugin_services(), guard, default_config()),
          devices(context.storage()) {
        devices.migrate();
        hub.emplace(context, devices, tv::TvConfig::from_json(context.config()));
        host.rental().stations.create({{"code", "TV-1"}, {"console_type", "PS4"}}, "admin");
    }

    std::shared_ptr<RecordingConnection> connect() {
        auto socket = std::make_shared<RecordingConnection>(next_id++);
        hub->opened(socket);
        return socket;
    }

    billing::host::InProcessHost host;
    std::shared_ptr<billing::host::PluginGuard> guard;
    billing::host::PluginContext context;
    tv::DeviceRegistry devices;
    std::optional<tv::TvHub> hub;
    std::uint64_t next_id = 1;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Harness harness;
    auto& hub = *harness.hub;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    auto socket = harness.connect();
    std::string device_key;
    while (!input.empty()) {
        const auto end = std::min(input.find('\n'), input.size());
        const std::string line(input.substr(0, end));
        input.remove_prefix(std::min(end + 1, input.size()));
        if (line == "!pair") {
            if (auto device = harness.devices.by_key(device_key)) {
                try {
                    hub.pair(device->id, "TV-1", "", "admin");
                } catch (const billing::sdk::ApiError&) {
                }
            }
        } else if (line == "!reconnect") {
            const auto token = socket->token;
            hub.closed(socket);
            socket = harness.connect();
            if (token && !device_key.empty())
                hub.received(socket, nlohmann::json{{"type", "hello"}, {"protocol", 1}, {"token", *token},
                                                    {"device_key", device_key}}
                                         .dump());
        } else {
            const auto message = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
            if (message.is_object() && message.value("type", nlohmann::json()) == "hello" &&
                message.value("device_key", nlohmann::json()).is_string())
                device_key = message["device_key"].get<std::string>();
            hub.received(socket, line);
        }
        if (!socket->is_open()) {
            hub.closed(socket);
            socket = harness.connect();
        }
    }
    hub.closed(socket);
    // What the admin's device list and the tv.* events carry about the TV.
    if (auto device = harness.devices.by_key(device_key)) (void)tv::to_json(*device).dump();
    harness.host.run_posted_work();
    return 0;
}
