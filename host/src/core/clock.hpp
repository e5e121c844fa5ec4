#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace billing::host {

// Unix milliseconds of the wall clock, the form instants are stored in.
inline std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// "2026-11-21T03:04:05.678Z": how instants appear in the API.
std::string format_iso8601_utc(std::int64_t unix_ms);
// Accepts the form above (fraction and 'Z' optional) or a plain integer of
// Unix milliseconds; returns false if the text is neither.
bool parse_instant(const std::string& text, std::int64_t& unix_ms);

}  // namespace billing::host
