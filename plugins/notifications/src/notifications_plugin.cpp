// The notifications plugin: warns before a session ends and tells about a
// session's end, a TV dropping off, a TV refusing adb and a faulted plugin,
// on the dashboard, the station's TV and the operators' WhatsApp.
// Configuration, rules, routes and events: docs/protocols/notifications.md.
#include <billing/sdk/sdk.hpp>

#include <map>
#include <memory>

#include "ending_soon_planner.hpp"
#include "given_ledger.hpp"
#include "notices.hpp"
#include "notification_routes.hpp"
#include "notification_store.hpp"
#include "notifier.hpp"
#include "notify_config.hpp"
#include "schema.hpp"
#include "wall_clock.hpp"
#include "whatsapp_outbox.hpp"

namespace {

using namespace billing::sdk;
using namespace notifications;

class NotificationsPlugin : public Plugin {
public:
    void start(PluginContext& context) override {
        context_ = &context;
        migrate_schema(context.storage());
        store_ = std::make_unique<NotificationStore>(context.storage());
        ledger_ = std::make_unique<GivenLedger>(context.storage());
        outbox_ = std::make_unique<WhatsAppOutbox>(context.storage(), context.bus(), context.log());
        notifier_ = std::make_unique<Notifier>(context, *store_, *outbox_);
        planner_ = std::make_unique<EndingSoonPlanner>(
            context.scheduler(), context.rental(), *ledger_,
            [this](const nlohmann::json& session, int threshold, int minutes_left) {
                notifier_->deliver(notices::ending_soon(session, threshold, minutes_left), config_.ending_soon.deliver);
            });

        std::vector<std::string> problems;
        auto config = NotifyConfig::from_json(context.config(), problems);
        for (const auto& problem : problems) context.log().warn("configuration: " + problem + "; left out");
        apply(std::move(config));

        auto& bus = context.bus();
        bus.subscribe("session.*", [this](const Event& event) { session_changed(event); });
        bus.subscribe(topics::station_tv_changed, [this](const Event& event) {
            if (from_host(event)) tv_changed(event.payload);
        });
        bus.subscribe("adb.tv_unauthorized", [this](const Event& event) { adb_unauthorized(event.payload); });
        bus.subscribe("plugin.*", [this](const Event& event) {
            if (from_host(event)) plugin_changed(event);
        });
        add_notification_routes(context.routes(), *store_, bus);

        prune();
        context.scheduler().every(std::chrono::hours(1), [this] { prune(); });
    }

    void configure(const nlohmann::json& config) override {
        std::vector<std::string> problems;
        auto parsed = NotifyConfig::from_json(config, problems);
        if (!problems.empty()) throw ApiError(400, "invalid_config", problems.front());
        if (planner_) apply(std::move(parsed));
    }

    void stop() override {
        planner_.reset();
        notifier_.reset();
        outbox_.reset();
        ledger_.reset();
        store_.reset();
        context_ = nullptr;
    }

private:
    void apply(NotifyConfig config) {
        config_ = std::move(config);
        outbox_->configure(config_.whatsapp_plugin_id, config_.whatsapp_queue_ms);
        notifier_->configure(config_.whatsapp_numbers, config_.tv_notice_seconds);
        planner_->configure(config_.ending_soon.enabled ? config_.warning_minutes : std::vector<int>{});
    }

    // Any plugin may publish under any topic: only the host's well-formed
    // rental events are read, so a stray payload cannot fault this plugin.
    static bool from_host(const Event& event) { return event.source == "host" && event.payload.is_object(); }

    void session_changed(const Event& event) {
        if (!from_host(event) || !event.payload.contains("session")) return;
        const auto id = event.payload["session"].value("id", std::int64_t{0});
        if (event.topic == topics::session_extended) {
            planner_->deadline_moved(id);
        } else if (event.topic == topics::session_started || event.topic == topics::session_paused ||
                   event.topic == topics::session_resumed) {
            planner_->plan(id);
        } else if (event.topic == topics::session_ended) {
            planner_->forget(id);
            if (config_.session_ended.enabled && ledger_->record(id, "session_ended", 0, now_ms()))
                notifier_->deliver(notices::session_ended(event.payload), config_.session_ended.deliver);
        }
    }

    void tv_changed(const nlohmann::json& payload) {
        if (!config_.tv_offline.enabled || payload.value("tv_online", true)) return;
        nlohmann::json station;
        try {
            station = context_->rental().station(payload.at("code").get<std::string>());
        } catch (const ApiError&) {
            return;  // deleted meanwhile
        }
        if (station.at("session").is_object())
            notifier_->deliver(notices::tv_offline(station), config_.tv_offline.deliver);
    }

    // The adb plugin retries an unauthorised TV; its operators hear of it
    // once per repeat_minutes per TV.
    void adb_unauthorized(const nlohmann::json& payload) {
        if (!config_.adb_unauthorized.enabled || !payload.is_object()) return;
        auto notice = notices::adb_unauthorized(payload);
        const auto tv = notice.station_code.empty() ? notice.data.value("address", std::string()) : notice.station_code;
        // A report that names no TV (no station code, no address) tells nobody anything.
        if (tv.empty()) return;
        const auto now = now_ms();
        auto last = adb_told_at_.find(tv);
        if (last != adb_told_at_.end() && now - last->second < config_.adb_repeat_ms) return;
        adb_told_at_[tv] = now;
        notifier_->deliver(notice, config_.adb_unauthorized.deliver);
    }

    void plugin_changed(const Event& event) {
        outbox_->plugin_changed(event.topic, event.payload, now_ms());
        if (event.topic == topics::plugin_faulted && config_.plugin_faulted.enabled)
            notifier_->deliver(notices::plugin_faulted(event.payload), config_.plugin_faulted.deliver);
    }

    void prune() {
        const auto now = now_ms();
        store_->prune(now - config_.keep_ms);
        ledger_->prune(now - config_.keep_ms);
        outbox_->prune(now);
    }

    PluginContext* context_ = nullptr;
    NotifyConfig config_;
    std::unique_ptr<NotificationStore> store_;
    std::unique_ptr<GivenLedger> ledger_;
    std::unique_ptr<WhatsAppOutbox> outbox_;
    std::unique_ptr<Notifier> notifier_;
    std::unique_ptr<EndingSoonPlanner> planner_;
    std::map<std::string, std::int64_t> adb_told_at_;  // by station code (or address)
};

}  // namespace

BILLING_PLUGIN(NotificationsPlugin)
