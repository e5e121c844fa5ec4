#include "sessions/session_clock.hpp"

#include <cstdlib>

#include "core/clock.hpp"

namespace billing::host {

using namespace std::chrono;

SessionClock::SessionClock(WallSource wall, SteadySource steady, milliseconds jump_threshold)
    : wall_(wall ? std::move(wall) : WallSource([] { return host::now_ms(); })),
      steady_(steady ? std::move(steady) : SteadySource([] { return steady_clock::now(); })),
      threshold_(jump_threshold),
      anchor_wall_ms_(wall_()),
      anchor_steady_(steady_()) {}

std::int64_t SessionClock::now_ms() const {
    std::lock_guard lock(mutex_);
    return anchor_wall_ms_ + duration_cast<milliseconds>(steady_() - anchor_steady_).count();
}

SessionClock::SteadyPoint SessionClock::steady_at(std::int64_t unix_ms) const {
    std::lock_guard lock(mutex_);
    return anchor_steady_ + milliseconds(unix_ms - anchor_wall_ms_);
}

std::optional<std::int64_t> SessionClock::detect_jump() {
    std::lock_guard lock(mutex_);
    const auto steady_now = steady_();
    const auto wall_now = wall_();
    const auto anchored = anchor_wall_ms_ + duration_cast<milliseconds>(steady_now - anchor_steady_).count();
    const auto difference = wall_now - anchored;
    if (std::llabs(difference) <= threshold_.count()) return std::nullopt;
    anchor_wall_ms_ = wall_now;
    anchor_steady_ = steady_now;
    return difference;
}

}  // namespace billing::host
