#pragma once
#include <chrono>
#include <cstdint>

namespace adb {

// Unix milliseconds of the wall clock, for "when" fields the dashboard shows.
inline std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace adb
