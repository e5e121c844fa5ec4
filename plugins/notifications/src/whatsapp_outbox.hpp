#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <billing/sdk/bus.hpp>
#include <billing/sdk/logger.hpp>
#include <billing/sdk/storage.hpp>
#include <nlohmann/json.hpp>

namespace notifications {

// WhatsApp messages to the operators, handed to the WhatsApp plugin as
// `whatsapp.send` {to, text} requests. Every message goes through a queue
// table first, so messages written while that plugin is not running wait
// (across restarts too) and go out when it starts; messages older than the
// configured age are dropped instead, as they would only confuse.
//
// Whether the WhatsApp plugin runs is learnt from plugin.started /
// plugin.stopped / plugin.faulted. The SDK cannot ask which plugins run, so
// after this plugin (re)starts or the watched id changes, the state is
// unknown and taken as "not running" until the next plugin.started.
class WhatsAppOutbox {
public:
    WhatsAppOutbox(billing::sdk::Storage& storage, billing::sdk::Bus& bus, billing::sdk::Logger& log)
        : storage_(storage), bus_(bus), log_(log) {}

    void configure(const std::string& plugin_id, std::int64_t max_age_ms);
    void send(const std::vector<std::string>& numbers, const std::string& text, std::int64_t now_ms);
    // A plugin.started / plugin.stopped / plugin.faulted event.
    void plugin_changed(const std::string& topic, const nlohmann::json& payload, std::int64_t now_ms);
    // Drops queued messages that are too old to send.
    void prune(std::int64_t now_ms);

private:
    void flush(std::int64_t now_ms);

    billing::sdk::Storage& storage_;
    billing::sdk::Bus& bus_;
    billing::sdk::Logger& log_;
    std::string plugin_id_;
    std::int64_t max_age_ms_ = 0;
    bool plugin_running_ = false;
};

}  // namespace notifications
