#pragma once
#include <cstdint>
#include <string>

namespace billing::sdk {
class Settings;
}

namespace billing::host {

// The shop's calendar: which business day an instant belongs to, and when
// the next day begins. A business day starts at the `business_day_start`
// setting ("06:00") in the shop's `time_zone` setting, so play at 02:00 on
// the 22nd still counts on the 21st. Reads the settings on every call, so a
// change applies at once.
class BusinessCalendar {
public:
    explicit BusinessCalendar(const sdk::Settings& settings);

    // "2026-11-21": the business day holding `unix_ms`.
    std::string day_of(std::int64_t unix_ms) const;
    // The first instant of the business day after the one holding `unix_ms`.
    std::int64_t next_day_start(std::int64_t unix_ms) const;
    // The local minute of the day (0..1439) of `unix_ms` in the shop's zone.
    int local_minute_of_day(std::int64_t unix_ms) const;

private:
    const sdk::Settings& settings_;
};

}  // namespace billing::host
