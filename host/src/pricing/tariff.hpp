#pragma once
#include <cstdint>
#include <functional>
#include <optional>

namespace billing::host {

// How a package is priced, in integer rupiah. Fixed packages cost `price`
// (or `night_price` when they start in the night window); open play costs
// `price` per hour (or `night_price` per hour for the minutes played in the
// night window), billed in blocks of `rounding_minutes` rounded up, never
// less than `minimum_charge`.
struct Tariff {
    enum class Kind { fixed, open };
    Kind kind = Kind::fixed;
    std::int64_t duration_minutes = 0;  // fixed packages only
    std::int64_t price = 0;
    std::optional<std::int64_t> night_price;
    // The night window in local minutes of the day; may wrap midnight
    // (18:00-06:00 is from 1080 until 360). Unused without night_price.
    int night_from_minute = 0;
    int night_until_minute = 0;
    std::int64_t rounding_minutes = 1;
    std::int64_t minimum_charge = 0;
};

// The local minute of the day (0..1439) of an instant, in the shop's zone
// (BusinessCalendar::local_minute_of_day in the host; a fixed function in tests).
using LocalMinuteOf = std::function<int(std::int64_t unix_ms)>;

bool in_night_window(const Tariff& tariff, int local_minute);

// The price of a fixed package started at `start_ms`.
std::int64_t fixed_price(const Tariff& tariff, const LocalMinuteOf& minute_of, std::int64_t start_ms);

// What open play costs for `played_ms` of play that began at `start_ms`
// (pauses already taken out): the played time is rounded up to whole blocks
// of `rounding_minutes`; each block costs its hourly rate (day or night, by
// the local time the block starts) pro rata; the total is rounded up to
// whole rupiah and raised to `minimum_charge`.
std::int64_t open_play_charge(const Tariff& tariff, const LocalMinuteOf& minute_of, std::int64_t start_ms,
                              std::int64_t played_ms);

// The price of `minutes` extra minutes of a fixed package, pro rata of its
// price at `at_ms` (day or night), rounded up to whole rupiah.
std::int64_t extension_price(const Tariff& tariff, const LocalMinuteOf& minute_of, std::int64_t at_ms,
                             std::int64_t minutes);

}  // namespace billing::host
