#include "whatsapp_outbox.hpp"

#include <billing/sdk/topics.hpp>

namespace notifications {

void WhatsAppOutbox::configure(const std::string& plugin_id, std::int64_t max_age_ms) {
    if (plugin_id != plugin_id_) plugin_running_ = false;
    plugin_id_ = plugin_id;
    max_age_ms_ = max_age_ms;
}

void WhatsAppOutbox::send(const std::vector<std::string>& numbers, const std::string& text, std::int64_t now_ms) {
    if (numbers.empty()) return;
    storage_.transaction([&](billing::sdk::Storage& storage) {
        for (const auto& number : numbers)
            storage.execute("INSERT INTO notifications_whatsapp_queue (created_at_ms, to_number, text)"
                            " VALUES (:at, :to, :text)",
                            {static_cast<long long>(now_ms), number, text});
    });
    if (plugin_running_) flush(now_ms);
}

void WhatsAppOutbox::plugin_changed(const std::string& topic, const nlohmann::json& payload, std::int64_t now_ms) {
    if (!payload.is_object() || payload.value("id", nlohmann::json()) != plugin_id_) return;
    plugin_running_ = topic == billing::sdk::topics::plugin_started;
    if (plugin_running_) flush(now_ms);
}

void WhatsAppOutbox::prune(std::int64_t now_ms) {
    const auto dropped = storage_.execute("DELETE FROM notifications_whatsapp_queue WHERE created_at_ms < :cutoff",
                                          {static_cast<long long>(now_ms - max_age_ms_)});
    if (dropped > 0)
        log_.warn(std::to_string(dropped) + " queued WhatsApp messages dropped: " + plugin_id_ +
                  " did not run in time");
}

void WhatsAppOutbox::flush(std::int64_t now_ms) {
    prune(now_ms);
    auto queued = storage_.query("SELECT id, to_number, text FROM notifications_whatsapp_queue ORDER BY id");
    for (const auto& message : queued) {
        // Taken off the queue before it is handed over: a message is sent at most once.
        storage_.execute("DELETE FROM notifications_whatsapp_queue WHERE id = :id", {message.at("id").get<long long>()});
        bus_.publish("whatsapp.send", {{"to", message.at("to_number")}, {"text", message.at("text")}});
    }
}

}  // namespace notifications
