#pragma once
#include <string>
#include <vector>

#include <billing/sdk/context.hpp>

#include "notice.hpp"
#include "notification_store.hpp"
#include "notify_config.hpp"
#include "whatsapp_outbox.hpp"

namespace notifications {

// Sends a notice where its rule says: the dashboard (stored, then announced
// as notification.created), the station's TV (a tv.command notice) and the
// operators' WhatsApp numbers (through the outbox).
class Notifier {
public:
    Notifier(billing::sdk::PluginContext& context, NotificationStore& store, WhatsAppOutbox& whatsapp)
        : context_(context), store_(store), whatsapp_(whatsapp) {}

    void configure(std::vector<std::string> whatsapp_numbers, int tv_notice_seconds);
    void deliver(const Notice& notice, const Deliveries& deliveries);

private:
    std::string whatsapp_text(const Notice& notice) const;

    billing::sdk::PluginContext& context_;
    NotificationStore& store_;
    WhatsAppOutbox& whatsapp_;
    std::vector<std::string> whatsapp_numbers_;
    int tv_notice_seconds_ = 15;
};

}  // namespace notifications
