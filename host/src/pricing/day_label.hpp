#pragma once
#include <string_view>

namespace billing::host {

// Whether `text` names a business day the way BusinessCalendar::day_of
// does: "YYYY-MM-DD", a date that exists (no 2026-02-30).
bool is_day_label(std::string_view text);

}  // namespace billing::host
