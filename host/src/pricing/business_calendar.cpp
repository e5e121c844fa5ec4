#include "pricing/business_calendar.hpp"

#include <chrono>
#include <stdexcept>

#include <billing/sdk/settings.hpp>
#include <date/tz.h>
#include <fmt/format.h>

#include "core/time_of_day.hpp"

namespace billing::host {

namespace {

using Milliseconds = std::chrono::milliseconds;
using Minutes = std::chrono::minutes;

// locate_zone searches the whole database, and the calendar is asked on
// every price and every session start. Each thread remembers the zone it
// found last; a changed setting simply misses once.
const date::time_zone& zone_named(const std::string& name) {
    thread_local std::string cached_name;
    thread_local const date::time_zone* cached_zone = nullptr;
    if (cached_zone == nullptr || cached_name != name) {
        try {
            cached_zone = date::locate_zone(name);
        } catch (const std::exception& error) {
            throw std::runtime_error("the time_zone setting \"" + name + "\" is not a known time zone: " + error.what());
        }
        cached_name = name;
    }
    return *cached_zone;
}

// Minutes after local midnight of an "HH:MM" text, as the settings store it.
Minutes parse_time_of_day(const std::string& text) {
    const auto minutes = minute_of_day(text);
    if (!minutes)
        throw std::runtime_error("the business_day_start setting \"" + text +
                                 "\" is not a time \"HH:MM\" from 00:00 to 23:59");
    return Minutes{*minutes};
}

std::string setting_text(const sdk::Settings& settings, const char* key) {
    auto value = settings.get(key);
    if (!value.is_string()) throw std::runtime_error(std::string("the ") + key + " setting is not a string");
    return value.get<std::string>();
}

date::sys_time<Milliseconds> instant(std::int64_t unix_ms) { return date::sys_time<Milliseconds>{Milliseconds{unix_ms}}; }

// The calendar's view of the settings at one moment: read once per call, so
// one answer never mixes an old zone with a new boundary.
struct Boundary {
    const date::time_zone& zone;
    Minutes day_start;

    explicit Boundary(const sdk::Settings& settings)
        : zone(zone_named(setting_text(settings, "time_zone"))),
          day_start(parse_time_of_day(setting_text(settings, "business_day_start"))) {}

    // The first instant of business day `day`: its local boundary time, or,
    // when a DST change skips or repeats that local time, the earliest
    // instant that is valid.
    date::sys_time<Milliseconds> start_of(date::local_days day) const {
        return date::sys_time<Milliseconds>{zone.to_sys(day + day_start, date::choose::earliest)};
    }

    // The business day holding `at`: the local date of (local time minus the
    // boundary), corrected to the day whose start instants enclose `at`
    // (they differ when the local clock went back over the boundary).
    date::local_days day_of(date::sys_time<Milliseconds> at) const {
        auto day = date::floor<date::days>(zone.to_local(at) - day_start);
        while (start_of(day + date::days{1}) <= at) day += date::days{1};
        while (start_of(day) > at) day -= date::days{1};
        return day;
    }
};

}  // namespace

BusinessCalendar::BusinessCalendar(const sdk::Settings& settings) : settings_(settings) {}

std::string BusinessCalendar::day_of(std::int64_t unix_ms) const {
    const date::year_month_day day{Boundary(settings_).day_of(instant(unix_ms))};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                       static_cast<unsigned>(day.day()));
}

std::int64_t BusinessCalendar::next_day_start(std::int64_t unix_ms) const {
    const Boundary boundary(settings_);
    auto next = boundary.start_of(boundary.day_of(instant(unix_ms)) + date::days{1});
    return next.time_since_epoch().count();
}

int BusinessCalendar::local_minute_of_day(std::int64_t unix_ms) const {
    auto local = zone_named(setting_text(settings_, "time_zone")).to_local(instant(unix_ms));
    auto minutes = date::floor<Minutes>(local - date::floor<date::days>(local));
    return static_cast<int>(minutes.count());
}

}  // namespace billing::host
