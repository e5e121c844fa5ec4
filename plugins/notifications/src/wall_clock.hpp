#pragma once
#include <cstdint>
#include <string>

namespace notifications {

inline constexpr std::int64_t kMinute = 60'000;  // in milliseconds

// Unix milliseconds now.
std::int64_t now_ms();
// An instant as the API writes them: "2026-11-21T03:04:05.678Z".
std::string iso_utc(std::int64_t unix_ms);

}  // namespace notifications
