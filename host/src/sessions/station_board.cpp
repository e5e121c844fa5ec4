#include "sessions/station_board.hpp"

#include <billing/sdk/http.hpp>
#include <billing/sdk/topics.hpp>

#include "bus/event_bus.hpp"
#include "catalog/station_store.hpp"
#include "core/clock.hpp"
#include "sessions/session_clock.hpp"
#include "sessions/session_service.hpp"

namespace billing::host {
namespace {

using namespace std::chrono;
// How long a built list may be served again while nothing changed: its
// server_time and remaining times are that old at most.
constexpr auto kCacheLifetime = milliseconds(200);

std::string state_of(const Station& station, const std::optional<Session>& session, std::optional<bool> tv_online) {
    if (!station.enabled) return "disabled";
    if (session) return session->is_paused() ? "paused" : "active";
    if (station.maintenance) return "maintenance";
    if (tv_online == false) return "offline";
    return "locked";
}

}  // namespace

StationBoard::StationBoard(StationStore& stations, SessionService& sessions, SessionClock& clock, EventBus& bus)
    : stations_(stations), sessions_(sessions), clock_(clock), bus_(bus) {}

std::shared_ptr<const std::string> StationBoard::list_body() {
    std::lock_guard lock(cache_mutex_);
    std::uint64_t tvs;
    {
        std::lock_guard tv_lock(tv_mutex_);
        tvs = tv_version_;
    }
    const auto now = steady_clock::now();
    if (cache_.body && cache_.stations == stations_.version() && cache_.sessions == sessions_.version() &&
        cache_.tvs == tvs && now - cache_.built < kCacheLifetime)
        return cache_.body;
    // Versions are read before the list is built: a change racing with the
    // build leaves a stale version behind, so the next call rebuilds.
    cache_.stations = stations_.version();
    cache_.sessions = sessions_.version();
    cache_.tvs = tvs;
    cache_.built = now;
    cache_.body = std::make_shared<const std::string>(list().dump());
    return cache_.body;
}

nlohmann::json StationBoard::list() {
    const auto now = clock_.now_ms();
    nlohmann::json stations = nlohmann::json::array();
    for (const auto& station : stations_.list()) stations.push_back(describe(station, now));
    return {{"stations", std::move(stations)}, {"server_time", format_iso8601_utc(now)}};
}

nlohmann::json StationBoard::station(std::int64_t id) const {
    auto found = stations_.find(id);
    if (!found) throw sdk::ApiError(404, "station_not_found", "no station has id " + std::to_string(id));
    return describe(*found, clock_.now_ms());
}

nlohmann::json StationBoard::station_by_code(const std::string& code) const {
    auto found = stations_.find_by_code(code);
    if (!found) throw sdk::ApiError(404, "station_not_found", "no station has code " + code);
    return describe(*found, clock_.now_ms());
}

void StationBoard::set_tv_online(const std::string& code, bool online) {
    auto found = stations_.find_by_code(code);
    if (!found) throw sdk::ApiError(404, "station_not_found", "no station has code " + code);
    {
        std::lock_guard lock(tv_mutex_);
        auto [it, inserted] = tv_online_.try_emplace(found->id, online);
        if (!inserted && it->second == online) return;
        it->second = online;
        ++tv_version_;
    }
    bus_.publish(sdk::topics::station_tv_changed,
                 {{"station_id", found->id}, {"code", found->code}, {"tv_online", online}}, "host");
}

nlohmann::json StationBoard::describe(const Station& station, std::int64_t now) const {
    nlohmann::json json = station;
    const auto session = sessions_.live_on(station.id);
    const auto tv = tv_online(station.id);
    json["state"] = state_of(station, session, tv);
    json["tv_online"] = tv ? nlohmann::json(*tv) : nlohmann::json(nullptr);
    json["session"] = session ? session->to_json(now) : nlohmann::json(nullptr);
    // A station renamed while its session runs shows its new code there too.
    if (session) json["session"]["station_code"] = station.code;
    return json;
}

std::optional<bool> StationBoard::tv_online(std::int64_t station_id) const {
    std::lock_guard lock(tv_mutex_);
    auto it = tv_online_.find(station_id);
    if (it == tv_online_.end()) return std::nullopt;
    return it->second;
}

}  // namespace billing::host
