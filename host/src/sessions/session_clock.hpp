#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>

namespace billing::host {

// The time sessions run on. Instants are wall-clock Unix milliseconds (what
// is stored), but between two readings time advances with the steady
// clock: "now" is the wall time at the anchor plus the steady time since.
// A wall-clock step (an NTP correction, a wrong RTC fixed after boot)
// therefore neither ends a session early nor extends it. detect_jump()
// notices such a step and re-anchors, returning by how much the stored
// instants must be shifted to keep every remaining time unchanged.
class SessionClock {
public:
    using SteadyPoint = std::chrono::steady_clock::time_point;
    using WallSource = std::function<std::int64_t()>;
    using SteadySource = std::function<SteadyPoint()>;

    // Real clocks by default; tests inject their own.
    explicit SessionClock(WallSource wall = {}, SteadySource steady = {},
                          std::chrono::milliseconds jump_threshold = std::chrono::seconds(2));

    std::int64_t now_ms() const;
    // The steady time at which the anchored clock reads `unix_ms`.
    SteadyPoint steady_at(std::int64_t unix_ms) const;

    // When the wall clock differs from now_ms() by more than the threshold:
    // re-anchors and returns wall − anchored (positive when the wall clock
    // jumped forward). Otherwise nothing.
    std::optional<std::int64_t> detect_jump();

private:
    WallSource wall_;
    SteadySource steady_;
    std::chrono::milliseconds threshold_;
    mutable std::mutex mutex_;
    std::int64_t anchor_wall_ms_;
    SteadyPoint anchor_steady_;
};

}  // namespace billing::host
