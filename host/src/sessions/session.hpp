#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace billing::host {

// One session as stored in the sessions table, with the names the API
// shows beside the ids. Instants are Unix milliseconds of the session
// clock. A running fixed session ends at `deadline_at`; while paused the
// deadline is frozen and moved forward by the pause on resume.
struct Session {
    std::int64_t id = 0;
    std::int64_t station_id = 0;
    std::string station_code;
    std::optional<std::int64_t> member_id;
    std::optional<std::string> member_name;
    std::int64_t package_id = 0;
    std::string package_name;
    std::string kind;     // fixed, open
    std::string payment;  // cash, balance
    std::string started_by;
    std::string business_day;
    std::int64_t started_at = 0;
    std::optional<std::int64_t> deadline_at;  // fixed only
    std::optional<std::int64_t> paused_at;
    std::int64_t paused_ms = 0;
    std::optional<std::int64_t> warned_minutes;  // the last ending-soon warning sent
    std::optional<std::int64_t> ended_at;
    std::optional<std::string> end_reason;
    std::optional<std::string> ended_by;
    std::int64_t amount = 0;

    bool is_live() const { return !ended_at; }
    bool is_paused() const { return paused_at.has_value() && !ended_at; }
    bool is_open_play() const { return kind == "open"; }
    std::string state() const { return ended_at ? "ended" : paused_at ? "paused" : "running"; }

    // Time left at `now` (frozen while paused); empty for open play and
    // ended sessions. Never negative.
    std::optional<std::int64_t> remaining_ms(std::int64_t now) const;
    // Time played until `now` (or the end), pauses taken out.
    std::int64_t played_ms(std::int64_t now) const;

    // The API's session object at `now` (see docs/api.md).
    nlohmann::json to_json(std::int64_t now) const;
};

}  // namespace billing::host
