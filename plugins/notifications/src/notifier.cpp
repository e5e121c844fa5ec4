#include "notifier.hpp"

#include "wall_clock.hpp"

namespace notifications {

void Notifier::configure(std::vector<std::string> whatsapp_numbers, int tv_notice_seconds) {
    whatsapp_numbers_ = std::move(whatsapp_numbers);
    tv_notice_seconds_ = tv_notice_seconds;
}

void Notifier::deliver(const Notice& notice, const Deliveries& deliveries) {
    const auto now = now_ms();
    if (deliveries.dashboard) {
        auto notification = store_.add(notice, now);
        // Plugin faults are for those who manage plugins: their own topic has
        // its own visibility rule (plugin.json's "events").
        const auto* topic = notice.audience == "plugins.view" ? "notification.system_created" : "notification.created";
        context_.bus().publish(topic, {{"notification", std::move(notification)}});
    }
    if (deliveries.tv && !notice.station_code.empty() && !notice.tv_text.empty()) {
        context_.bus().publish("tv.command", {{"station_code", notice.station_code},
                                              {"command", "notice"},
                                              {"args",
                                               {{"text", notice.tv_text},
                                                {"level", notice.severity},
                                                {"seconds", tv_notice_seconds_}}}});
    }
    if (deliveries.whatsapp) whatsapp_.send(whatsapp_numbers_, whatsapp_text(notice), now);
}

std::string Notifier::whatsapp_text(const Notice& notice) const {
    const auto shop = context_.settings().get("shop_name");
    const auto prefix = shop.is_string() && !shop.get<std::string>().empty() ? "[" + shop.get<std::string>() + "] "
                                                                             : std::string();
    return prefix + notice.title + "\n" + notice.body;
}

}  // namespace notifications
