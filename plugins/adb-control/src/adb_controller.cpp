#include "adb_controller.hpp"

#include <cctype>

#include "adb_wire.hpp"
#include "tv_address.hpp"
#include "wall_clock.hpp"

namespace adb {

namespace {

using billing::sdk::ApiError;
using nlohmann::json;

// host:devices states as the status shows them.
std::string connection_of_device_state(const std::string& state) {
    if (state == "device") return "connected";
    if (state == "unauthorized") return "unauthorized";
    return "offline";  // "offline", "connecting", "authorizing", ...
}

std::string unauthorized_message(const std::string& code, const std::string& serial) {
    return "TV " + code + " (" + serial +
           ") has not allowed adb from this computer. On the TV: choose \"Allow\" in the \"Allow USB debugging?\" "
           "dialog and tick \"Always allow from this computer\". If no dialog shows, turn Developer options > "
           "USB debugging (or Network debugging) off and on again, then try the action again.";
}

}  // namespace

AdbController::AdbController(billing::sdk::PluginContext& context, AdbConfig config)
    : context_(context), config_(std::move(config)) {
    build();
}

AdbController::~AdbController() {
    // Threads first: their reports must not outlive the members they use.
    watch_.reset();
    queues_.clear();
}

void AdbController::configure(AdbConfig config) {
    watch_.reset();
    queues_.clear();
    config_ = std::move(config);
    build();
}

void AdbController::build() {
    server_ = std::make_shared<ServerGate>(config_.server);
    watch_ = std::make_unique<ServerWatch>(server_, config_.poll_interval, [this](std::optional<ServerWatch::Devices> devices) {
        on_strand([this, devices = std::move(devices)] { devices_seen(devices); });
    });
}

void AdbController::on_strand(std::function<void()> work) {
    try {
        context_.scheduler().post(std::move(work));
    } catch (const std::exception&) {
        // The host closed the plugin's scheduler: it is stopping and the
        // result has nobody to go to.
    }
}

json AdbController::find_station(std::int64_t station_id) {
    // The list must outlive the loop: a range-for over a member of a
    // temporary would read freed memory.
    const auto board = context_.rental().stations();
    for (const auto& station : board.at("stations"))
        if (station.at("id").get<std::int64_t>() == station_id) return station;
    return nullptr;
}

json AdbController::find_station(const std::string& code) {
    try {
        return context_.rental().station(code);
    } catch (const ApiError&) {
        return nullptr;
    }
}

std::string AdbController::tv_ip_of(const std::string& code) const {
    auto found = tv_ips_.find(station_key(code));
    return found == tv_ips_.end() ? std::string() : found->second;
}

Command AdbController::submit(std::int64_t station_id, const std::string& action, const json& args, const Origin& origin) {
    auto station = find_station(station_id);
    if (station.is_null()) throw ApiError(404, "station_not_found", "station " + std::to_string(station_id) + " does not exist");
    return submit(station, action, args, origin);
}

Command AdbController::submit(const json& station, const std::string& action, const json& args, const Origin& origin) {
    const auto station_id = station.at("id").get<std::int64_t>();
    const auto code = station.at("code").get<std::string>();
    const auto settings = config_.station(code);
    auto plan = plan_action(action, args, config_.brand_of(settings));
    const auto address = tv_address_of(config_, station, tv_ip_of(code));
    if (!address)
        throw ApiError(409, "tv_address_unknown",
                       "station " + code + " has no TV address: set the station's IP address, pair its TV, or add it "
                       "to the adb-control config's stations");
    if (server_->known_unavailable())
        throw ApiError(503, "adb_unavailable", server_->describe().at("message").get<std::string>());

    auto& queue = queues_[station_id];
    if (!queue) {
        queue = std::make_unique<TvQueue>(
            server_,
            QueuePolicy{.tv_port = config_.tv_port, .connect_timeout = config_.connect_timeout, .retries = config_.retries,
                        .retry_backoff = config_.retry_backoff, .max_queue = config_.max_queue},
            address->serial, [this](CommandResult result) {
                on_strand([this, result = std::move(result)]() mutable { finished(std::move(result)); });
            });
    } else if (queue->serial() != address->serial) {
        queue->retarget(address->serial);
    }
    Command command{.id = next_command_id_++, .station_id = station_id, .station_code = code, .plan = std::move(plan),
                    .source = origin.source, .actor = origin.actor, .request_id = origin.request_id};
    if (!queue->push(command))
        throw ApiError(409, "queue_full",
                       "station " + code + "'s TV already has " + std::to_string(config_.max_queue) + " commands waiting");
    context_.log().info("adb: " + action + " queued for " + code + " (" + address->serial + ") by " + origin.actor +
                        ", command " + std::to_string(command.id));
    return command;
}

void AdbController::automate(const json& station, const std::string& action, const json& args) {
    const auto station_id = station.at("id").get<std::int64_t>();
    const auto code = station.at("code").get<std::string>();
    try {
        submit(station, action, args, {.source = "automation", .actor = "plugin:" + context_.plugin_id(), .request_id = nullptr});
        context_.audit().record({.actor = context_.plugin_id(), .action = "adb." + action,
                                 .target = "station:" + std::to_string(station_id),
                                 .details = {{"source", "automation"}, {"args", args}}});
    } catch (const ApiError& refused) {
        context_.log().warn("adb: automatic " + action + " for " + code + " not queued: " + refused.what());
        remember_error(station_id, action, refused.code(), refused.what());
    }
}

void AdbController::schedule_sleep(const json& station) {
    const auto station_id = station.at("id").get<std::int64_t>();
    cancel_sleep(station_id);
    const auto delay = config_.automations.sleep_after;
    if (delay.count() == 0) return;
    const auto code = station.at("code").get<std::string>();
    sleep_timers_[station_id] = context_.scheduler().after(delay, [this, station_id, code] {
        sleep_timers_.erase(station_id);
        tvs_[station_id].sleep_at_ms.reset();
        // Looked up again: the station may have changed (or gone) meanwhile.
        if (auto current = find_station(station_id); !current.is_null()) automate(current, "sleep", json::object());
    });
    tvs_[station_id].sleep_at_ms = now_ms() + std::chrono::duration_cast<std::chrono::milliseconds>(delay).count();
}

void AdbController::cancel_sleep(std::int64_t station_id) {
    auto timer = sleep_timers_.find(station_id);
    if (timer == sleep_timers_.end()) return;
    context_.scheduler().cancel(timer->second);
    sleep_timers_.erase(timer);
    tvs_[station_id].sleep_at_ms.reset();
}

void AdbController::tv_seen(const std::string& station_code, const std::string& ip) {
    if (!ip.empty()) tv_ips_[station_key(station_code)] = ip;
    if (auto station = find_station(station_code); !station.is_null()) station_changed(station);
}

void AdbController::station_changed(const json& station) {
    auto queue = queues_.find(station.at("id").get<std::int64_t>());
    if (queue == queues_.end()) return;
    const auto code = station.at("code").get<std::string>();
    if (auto address = tv_address_of(config_, station, tv_ip_of(code))) queue->second->retarget(address->serial);
}

void AdbController::refresh() { watch_->refresh(); }

void AdbController::remember_error(std::int64_t station_id, const std::string& action, const std::string& code,
                                   const std::string& message) {
    tvs_[station_id].last_error = {{"code", code}, {"message", message}, {"action", action}, {"at_ms", now_ms()}};
}

void AdbController::set_connection(std::int64_t station_id, const std::string& code, const std::string& serial,
                                   const std::string& connection, const std::string& message, bool always_announce) {
    auto& tv = tvs_[station_id];
    const bool newly_unauthorized = connection == "unauthorized" && tv.connection != "unauthorized";
    tv.connection = connection;
    if (connection != "unauthorized" || !(always_announce || newly_unauthorized)) return;
    context_.log().warn("adb: " + code + " (" + serial + ") is unauthorised: " + message);
    context_.bus().publish("adb.tv_unauthorized", {{"station_id", station_id},
                                                   {"station_code", code},
                                                   {"address", serial},
                                                   {"message", unauthorized_message(code, serial)},
                                                   {"adb_message", message}});
}

json AdbController::command_payload(const CommandResult& result) const {
    const auto& command = result.command;
    return {{"command_id", command.id},     {"station_id", command.station_id}, {"station_code", command.station_code},
            {"address", result.serial},     {"action", command.plan.action},    {"args", command.plan.args},
            {"source", command.source},     {"actor", command.actor},           {"request_id", command.request_id},
            {"attempts", result.attempts}};
}

void AdbController::finished(CommandResult result) {
    const auto& command = result.command;
    auto& tv = tvs_[command.station_id];
    auto payload = command_payload(result);
    if (!result.connection.empty())
        set_connection(command.station_id, command.station_code, result.serial, result.connection, result.message, true);
    if (!result.ok) {
        const auto code = code_of(*result.failure);
        remember_error(command.station_id, command.plan.action, code, result.message);
        payload["error"] = {{"code", code}, {"message", result.message}};
        context_.log().warn("adb: " + command.plan.action + " on " + command.station_code + " failed after " +
                            std::to_string(result.attempts) + " attempt(s): " + result.message);
        context_.bus().publish("adb.command_failed", payload);
        return;
    }
    const auto& action = command.plan.action;
    std::optional<std::string> screen;
    if (action == "wake") screen = "awake";
    if (action == "sleep") screen = "asleep";
    if (action == "read_screen") screen = wire::parse_wakefulness(result.output);
    if (screen) {
        tv.screen = screen;
        tv.screen_at_ms = now_ms();
    }
    if (action == "set_volume") tv.volume = command.plan.args.at("level").get<int>();
    if (action == "volume_up" || action == "volume_down" || action == "mute") tv.volume.reset();
    tv.last_done = {{"action", action}, {"at_ms", now_ms()}};
    payload["screen"] = screen ? json(*screen) : json(nullptr);
    payload["volume"] = tv.volume ? json(*tv.volume) : json(nullptr);
    context_.log().info("adb: " + action + " on " + command.station_code + " done");
    context_.bus().publish("adb.command_done", payload);
}

void AdbController::devices_seen(const std::optional<ServerWatch::Devices>& devices) {
    if (!devices) return;
    const auto board = context_.rental().stations();
    for (const auto& station : board.at("stations")) {
        const auto code = station.at("code").get<std::string>();
        const auto address = tv_address_of(config_, station, tv_ip_of(code));
        if (!address) continue;
        const auto station_id = station.at("id").get<std::int64_t>();
        auto state = devices->find(address->serial);
        const auto connection = state == devices->end() ? "disconnected" : connection_of_device_state(state->second);
        const bool lost = tvs_[station_id].connection == "connected" && connection != "connected";
        set_connection(station_id, code, address->serial, connection, "adb server lists the TV as unauthorized", false);
        // A TV the server no longer holds is connected again before the next command.
        if (auto queue = queues_.find(station_id); queue != queues_.end() && lost) queue->second->retarget(address->serial);
    }
}

json AdbController::describe(const json& station) {
    const auto station_id = station.at("id").get<std::int64_t>();
    const auto code = station.at("code").get<std::string>();
    const auto settings = config_.station(code);
    const auto& brand = config_.brand_of(settings);
    const auto address = tv_address_of(config_, station, tv_ip_of(code));
    auto entry = tvs_.contains(station_id) ? tvs_.at(station_id).to_json() : TvStatus{}.to_json();
    if (!address) entry["connection"] = "no_address";
    auto queue = queues_.find(station_id);
    entry.update({{"station_id", station_id},
                  {"station_code", code},
                  {"address", address ? json(address->serial) : json(nullptr)},
                  {"address_source", address ? json(address->source) : json(nullptr)},
                  {"brand", brand.name},
                  {"default_volume", config_.volume_of(settings)},
                  {"volume_max", brand.volume_max},
                  {"queue_length", queue == queues_.end() ? 0 : queue->second->length()}});
    return entry;
}

json AdbController::status() {
    json stations = json::array();
    const auto board = context_.rental().stations();
    for (const auto& station : board.at("stations")) stations.push_back(describe(station));
    const auto& automations = config_.automations;
    return {{"server", server_->describe()},
            {"stations", stations},
            {"actions", action_names()},
            {"automations",
             {{"on_session_started", automations.on_session_started},
              {"on_session_ended", automations.on_session_ended},
              {"sleep_after_seconds", automations.sleep_after.count()},
              {"on_tv_command", automations.on_tv_command}}}};
}

json AdbController::station_status(std::int64_t station_id) {
    auto station = find_station(station_id);
    if (station.is_null()) throw ApiError(404, "station_not_found", "station " + std::to_string(station_id) + " does not exist");
    return describe(station);
}

}  // namespace adb
