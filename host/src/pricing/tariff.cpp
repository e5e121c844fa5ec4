#include "pricing/tariff.hpp"

#include <stdexcept>

namespace billing::host {

bool in_night_window(const Tariff&, int) { throw std::logic_error("not implemented yet"); }

std::int64_t fixed_price(const Tariff&, const LocalMinuteOf&, std::int64_t) {
    throw std::logic_error("not implemented yet");
}

std::int64_t open_play_charge(const Tariff&, const LocalMinuteOf&, std::int64_t, std::int64_t) {
    throw std::logic_error("not implemented yet");
}

std::int64_t extension_price(const Tariff&, const LocalMinuteOf&, std::int64_t, std::int64_t) {
    throw std::logic_error("not implemented yet");
}

}  // namespace billing::host
