#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "catalog/station.hpp"
#include "sessions/session.hpp"

namespace billing::host {

class EventBus;
class SessionClock;
class SessionService;
class StationStore;

// The stations with their live state, as the dashboard's TV overview and
// the TVs see them: each station with its state (disabled, maintenance,
// active, paused, offline, locked), whether its TV is connected, and its
// session. The serialised list is cached until a station, a session or a
// TV link changes, and for at most a fraction of a second (it carries the
// server time and the remaining times), so a busy dashboard costs little.
class StationBoard {
public:
    StationBoard(StationStore& stations, SessionService& sessions, SessionClock& clock, EventBus& bus);

    // {"stations":[...], "server_time":...} serialised.
    std::shared_ptr<const std::string> list_body();
    nlohmann::json list();
    // One station with its live state; 404 station_not_found.
    nlohmann::json station(std::int64_t id) const;
    nlohmann::json station_by_code(const std::string& code) const;

    // The TV of the station is connected or not (tv-websocket reports it);
    // publishes station.tv_changed when that changes. 404 station_not_found.
    void set_tv_online(const std::string& code, bool online);

private:
    nlohmann::json describe(const Station& station, std::int64_t now) const;
    std::optional<bool> tv_online(std::int64_t station_id) const;

    StationStore& stations_;
    SessionService& sessions_;
    SessionClock& clock_;
    EventBus& bus_;

    mutable std::mutex tv_mutex_;
    std::map<std::int64_t, bool> tv_online_;  // by station id; absent: no TV link known
    std::uint64_t tv_version_ = 1;

    struct Cached {
        std::uint64_t stations = 0, sessions = 0, tvs = 0;
        std::chrono::steady_clock::time_point built;
        std::shared_ptr<const std::string> body;
    };
    std::mutex cache_mutex_;
    Cached cache_;
};

}  // namespace billing::host
