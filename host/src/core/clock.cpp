#include "core/clock.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <string_view>

namespace billing::host {
namespace {

using namespace std::chrono;

// Reads exactly `count` digits from the front of `text`.
bool take_digits(std::string_view& text, std::size_t count, int& value) {
    if (text.size() < count) return false;
    value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    text.remove_prefix(count);
    return true;
}

bool take_char(std::string_view& text, char expected) {
    if (text.empty() || text.front() != expected) return false;
    text.remove_prefix(1);
    return true;
}

// ".f", ".ff", ".fff" ... (up to nanoseconds) as milliseconds, truncated.
bool take_fraction(std::string_view& text, int& millis) {
    millis = 0;
    if (!take_char(text, '.')) return true;
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits == 0 || digits > 9) return false;
    for (std::size_t i = 0; i < 3; ++i) millis = millis * 10 + (i < digits ? text[i] - '0' : 0);
    text.remove_prefix(digits);
    return true;
}

bool parse_unix_ms(std::string_view text, std::int64_t& unix_ms) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos) return false;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), unix_ms);
    return error == std::errc() && end == text.data() + text.size();
}

bool parse_iso8601(std::string_view text, std::int64_t& unix_ms) {
    int year, month, day, hour, minute, second, millis;
    bool well_formed = take_digits(text, 4, year) && take_char(text, '-') && take_digits(text, 2, month) &&
                       take_char(text, '-') && take_digits(text, 2, day) && take_char(text, 'T') &&
                       take_digits(text, 2, hour) && take_char(text, ':') && take_digits(text, 2, minute) &&
                       take_char(text, ':') && take_digits(text, 2, second) && take_fraction(text, millis);
    if (!well_formed) return false;
    take_char(text, 'Z');
    if (!text.empty()) return false;

    year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                        std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok() || hour > 23 || minute > 59 || second > 59) return false;
    auto instant = sys_days(date) + hours(hour) + minutes(minute) + seconds(second) + milliseconds(millis);
    unix_ms = duration_cast<milliseconds>(instant.time_since_epoch()).count();
    // Instants before the epoch never occur in this system's data.
    return unix_ms >= 0;
}

}  // namespace

std::string format_iso8601_utc(std::int64_t unix_ms) {
    const sys_time<milliseconds> instant{milliseconds(unix_ms)};
    const auto day_start = floor<days>(instant);
    const year_month_day date{day_start};
    const hh_mm_ss time{instant - day_start};
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02lld.%03lldZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<long long>(time.seconds().count()), static_cast<long long>(time.subseconds().count()));
    return text;
}

bool parse_instant(const std::string& text, std::int64_t& unix_ms) {
    std::int64_t parsed = 0;
    if (!parse_unix_ms(text, parsed) && !parse_iso8601(text, parsed)) return false;
    unix_ms = parsed;
    return true;
}

}  // namespace billing::host
