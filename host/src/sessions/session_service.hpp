#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/change_origin.hpp"
#include "catalog/station.hpp"
#include "sessions/session.hpp"
#include "sessions/session_input.hpp"
#include "sessions/session_records.hpp"

namespace billing::sdk {
class Settings;
}
namespace soci {
class session;
}

namespace billing::host {

class BusinessCalendar;
class Database;
class EventBus;
class MemberStore;
class PackageStore;
class SessionClock;
class StationStore;

struct SessionServiceDependencies {
    Database& database;
    EventBus& bus;
    StationStore& stations;
    PackageStore& packages;
    MemberStore& members;
    const BusinessCalendar& calendar;
    const sdk::Settings& settings;
    SessionClock& clock;
};

// The sessions: start, extend, pause, resume, move and stop, the ends and
// warnings that come with time, and recovery after a restart. Live sessions
// are kept in memory; every change is one write transaction (the session,
// its log row, and any sale or balance change together), made under one
// lock so two operators cannot both take a station, and is published on the
// bus after it committed. A change a caller asks for writes its audit row in
// that same transaction. Errors are sdk::ApiError with distinct codes and
// change nothing.
class SessionService {
public:
    explicit SessionService(SessionServiceDependencies dependencies);

    // Loads the live sessions. Those whose deadline passed while the host
    // was down end at that deadline; pauses longer than the maximum resume
    // as if at the maximum.
    void recover();

    nlohmann::json start(const nlohmann::json& body, const ChangeOrigin& origin);
    nlohmann::json extend(std::int64_t id, const nlohmann::json& body, const ChangeOrigin& origin);
    nlohmann::json pause(std::int64_t id, const ChangeOrigin& origin);
    nlohmann::json resume(std::int64_t id, const ChangeOrigin& origin);
    nlohmann::json move(std::int64_t id, const nlohmann::json& body, const ChangeOrigin& origin);
    nlohmann::json stop(std::int64_t id, const nlohmann::json& body, const ChangeOrigin& origin);

    // One session, live or ended; 404 session_not_found.
    nlohmann::json get(std::int64_t id) const;
    // {sessions:[...]}: the live ones (`live_only`), or from the database.
    nlohmann::json list(bool live_only, const session_records::Filter& filter) const;

    std::optional<Session> live_on(std::int64_t station_id) const;
    // Bumped on every change to a live session.
    std::uint64_t version() const { return version_.load(); }

    // Does what is due now (ending-soon warnings, ends at the deadline,
    // resumes after the longest pause) and returns when something is next
    // due, if anything is.
    std::optional<std::int64_t> run_due();
    // Called after every change that may move the next due instant.
    void on_schedule_change(std::function<void()> listener);

    // The wall clock stepped: moves the stored instants of the live sessions
    // with it (under the lock, so no change interleaves), keeping every
    // remaining time.
    void follow_clock_jump();

private:
    struct Outcome;
    struct AuditedChange;
    // `audited` is null for what time does by itself (ends, warnings).
    template <typename Work>
    nlohmann::json transact(const AuditedChange* audited, Work&& work);

    Session live_copy(soci::session& sql, std::int64_t id) const;
    Station usable_station(const session_input::StationRef& ref) const;
    std::optional<Session> live_on_locked(std::int64_t station_id) const;
    // The settings that time sessions, read once per use.
    struct TimeRules {
        std::vector<std::int64_t> warning_minutes;  // largest first
        std::int64_t max_pause_ms = 0;
    };
    TimeRules time_rules() const;
    static std::optional<std::int64_t> next_warning(const Session& session, std::int64_t now, const TimeRules& rules);
    static std::optional<std::int64_t> due_at(const Session& session, std::int64_t now, const TimeRules& rules);
    // One step of what is due for `session` at `now`; false when nothing is.
    bool run_due_step(soci::session& sql, Session& session, std::int64_t now, const TimeRules& rules,
                      Outcome& outcome);
    void end(soci::session& sql, Session& session, std::int64_t at, const std::string& reason,
             const std::string& actor, Outcome& outcome);
    void resume_at(soci::session& sql, Session& session, std::int64_t at, const std::string& reason,
                   const std::string& actor, Outcome& outcome);
    // One unit of the session's member used ("used") or given back
    // ("refunded"), announced with the session's events.
    void change_member_units(soci::session& sql, Outcome& outcome, const Session& session, std::int64_t package_id,
                             const std::string& kind, const std::string& reason, const std::string& actor,
                             std::int64_t at);
    // Money taken for the session: it counts on the session's business day.
    void record_session_sale(soci::session& sql, const Session& session, const std::string& kind,
                             std::int64_t amount, std::int64_t package_id, const std::string& actor, std::int64_t at);
    void log(soci::session& sql, const Session& session, std::int64_t at, const std::string& event,
             const std::string& actor, nlohmann::json details);

    SessionServiceDependencies d_;
    mutable std::mutex mutex_;
    std::map<std::int64_t, Session> live_;               // by session id
    std::map<std::int64_t, std::int64_t> live_by_station_;  // station id -> session id
    std::atomic<std::uint64_t> version_{1};
    std::function<void()> schedule_listener_;
};

}  // namespace billing::host
