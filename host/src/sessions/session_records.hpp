#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sessions/session.hpp"

namespace soci {
class session;
}

namespace billing::host {

// The SQL of the sessions and session_log tables. Every function runs on
// the caller's soci::session, inside its transaction when it writes.
namespace session_records {

// Inserts a new session (its id is ignored) and returns the new id.
std::int64_t insert(soci::session& sql, const Session& session);
// Writes every field that can change after the start.
void update(soci::session& sql, const Session& session);

struct LogEntry {
    std::int64_t at = 0;
    std::string business_day;
    std::int64_t session_id = 0;
    std::int64_t station_id = 0;
    std::optional<std::int64_t> member_id;
    std::string event;  // started, extended, paused, resumed, moved, ending_soon, ended
    std::string actor;
    nlohmann::json details = nlohmann::json::object();
};
void append_log(soci::session& sql, const LogEntry& entry);

// Sessions with their station code, member name and package name.
std::vector<Session> load_live(soci::session& sql);
std::optional<Session> find(soci::session& sql, std::int64_t id);

struct Filter {
    std::optional<std::string> business_day;
    std::optional<std::int64_t> station_id;
    std::optional<std::int64_t> member_id;
    std::optional<std::int64_t> before_id;
    bool ended_only = false;
    std::int64_t limit = 100;
};
// Newest first.
std::vector<Session> list(soci::session& sql, const Filter& filter);

// Moves the instants of every live session by `delta_ms` (after a
// wall-clock step), keeping each remaining time.
void shift_live_instants(soci::session& sql, std::int64_t delta_ms);

}  // namespace session_records
}  // namespace billing::host
