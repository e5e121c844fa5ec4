#include "pricing/tariff.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace billing::host {

namespace {

constexpr std::int64_t ms_per_minute = 60'000;
constexpr std::int64_t minutes_per_hour = 60;

std::int64_t checked_multiply(std::int64_t a, std::int64_t b, const char* what) {
    std::int64_t result = 0;
    if (__builtin_mul_overflow(a, b, &result))
        throw std::overflow_error(std::string(what) + " overflows: " + std::to_string(a) + " x " + std::to_string(b));
    return result;
}

std::int64_t checked_add(std::int64_t a, std::int64_t b, const char* what) {
    std::int64_t result = 0;
    if (__builtin_add_overflow(a, b, &result))
        throw std::overflow_error(std::string(what) + " overflows: " + std::to_string(a) + " + " + std::to_string(b));
    return result;
}

// a / b rounded up, for a >= 0 and b > 0 (no a + b - 1, which could overflow).
std::int64_t divide_rounding_up(std::int64_t a, std::int64_t b) { return a / b + (a % b != 0 ? 1 : 0); }

// The price (fixed) or hourly rate (open) that applies at `local_minute`.
std::int64_t rate_at(const Tariff& tariff, int local_minute) {
    return in_night_window(tariff, local_minute) ? *tariff.night_price : tariff.price;
}

}  // namespace

bool in_night_window(const Tariff& tariff, int local_minute) {
    if (!tariff.night_price) return false;
    const int from = tariff.night_from_minute;
    const int until = tariff.night_until_minute;
    if (from <= until) return local_minute >= from && local_minute < until;
    // The window wraps midnight: 18:00-06:00 holds 20:00 and 02:00.
    return local_minute >= from || local_minute < until;
}

std::int64_t fixed_price(const Tariff& tariff, const LocalMinuteOf& minute_of, std::int64_t start_ms) {
    return rate_at(tariff, minute_of(start_ms));
}

std::int64_t open_play_charge(const Tariff& tariff, const LocalMinuteOf& minute_of, std::int64_t start_ms,
                              std::int64_t played_ms) {
    if (tariff.rounding_minutes < 1)
        throw std::invalid_argument("rounding_minutes must be at least 1, not " + std::to_string(tariff.rounding_minutes));
    const std::int64_t block_ms = checked_multiply(tariff.rounding_minutes, ms_per_minute, "the rounding block");
    const std::int64_t blocks = played_ms > 0 ? divide_rounding_up(played_ms, block_ms) : 0;

    // Each block costs rate x rounding_minutes / 60; the sum of the
    // numerators is divided once, so rounding happens once, upwards.
    std::int64_t rupiah_times_60 = 0;
    if (!tariff.night_price) {
        const auto minutes = checked_multiply(blocks, tariff.rounding_minutes, "the played minutes");
        rupiah_times_60 = checked_multiply(minutes, tariff.price, "the open play charge");
    } else {
        for (std::int64_t block = 0; block < blocks; ++block) {
            const auto rate = rate_at(tariff, minute_of(start_ms + block * block_ms));
            rupiah_times_60 = checked_add(rupiah_times_60, checked_multiply(rate, tariff.rounding_minutes, "a block's charge"),
                                          "the open play charge");
        }
    }
    return std::max(divide_rounding_up(rupiah_times_60, minutes_per_hour), tariff.minimum_charge);
}

std::int64_t extension_price(const Tariff& tariff, const LocalMinuteOf& minute_of, std::int64_t at_ms,
                             std::int64_t minutes) {
    if (tariff.duration_minutes < 1)
        throw std::invalid_argument("extension_price needs a fixed package with a duration, not " +
                                    std::to_string(tariff.duration_minutes) + " minutes");
    if (minutes < 0) throw std::invalid_argument("cannot extend by " + std::to_string(minutes) + " minutes");
    const auto price = rate_at(tariff, minute_of(at_ms));
    return divide_rounding_up(checked_multiply(price, minutes, "the extension price"), tariff.duration_minutes);
}

}  // namespace billing::host
