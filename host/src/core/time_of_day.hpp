#pragma once
#include <optional>
#include <string>

namespace billing::host {

// The minute of the day (0..1439) of a local time written "HH:MM" (00:00 to
// 23:59, two digits each), or nothing if the text is not one.
std::optional<int> minute_of_day(const std::string& hh_mm);

}  // namespace billing::host
