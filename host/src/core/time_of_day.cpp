#include "core/time_of_day.hpp"

namespace billing::host {

std::optional<int> minute_of_day(const std::string& hh_mm) {
    auto digit = [&](std::size_t i) { return hh_mm[i] >= '0' && hh_mm[i] <= '9' ? hh_mm[i] - '0' : -1; };
    if (hh_mm.size() != 5 || hh_mm[2] != ':') return std::nullopt;
    const int h1 = digit(0), h2 = digit(1), m1 = digit(3), m2 = digit(4);
    if (h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0) return std::nullopt;
    const int hours = h1 * 10 + h2, minutes = m1 * 10 + m2;
    if (hours > 23 || minutes > 59) return std::nullopt;
    return hours * 60 + minutes;
}

}  // namespace billing::host
