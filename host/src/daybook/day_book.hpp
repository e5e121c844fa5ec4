#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace billing::host {

class BusinessCalendar;
class Database;
class EventBus;

// Closes business days: a summary row per day in business_days (sessions
// started that day, minutes played, revenue, and revenue by station and by
// operator, from the sessions and sales of that day). A session still
// running at the boundary keeps counting on the day it started: when money
// for an already closed day arrives later, refresh() rewrites its summary.
class DayBook {
public:
    DayBook(Database& database, EventBus& bus, const BusinessCalendar& calendar);

    // Writes (or rewrites) the summary of `day` and publishes day.closed
    // {day, summary}.
    nlohmann::json close(const std::string& day);
    // Closes every day that has sessions or sales, is before `today` and is
    // not closed yet (the host was down at the boundary).
    void close_days_before(const std::string& today);
    // Rewrites the summary of `day` if it is already closed.
    void refresh(const std::string& day);
    // The stored summary, or, for a day not closed yet, one computed now
    // (closed: false).
    nlohmann::json summary(const std::string& day) const;
    // {days:[summary...]} newest first, `from`/`to` inclusive ("YYYY-MM-DD").
    nlohmann::json list(const std::optional<std::string>& from, const std::optional<std::string>& to) const;

private:
    Database& database_;
    EventBus& bus_;
    const BusinessCalendar& calendar_;
};

}  // namespace billing::host
