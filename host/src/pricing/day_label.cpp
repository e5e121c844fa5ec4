#include "pricing/day_label.hpp"

#include <date/date.h>

namespace billing::host {

bool is_day_label(std::string_view text) {
    if (text.size() != 10) return false;
    int fields[3] = {0, 0, 0};
    int field = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i == 4 || i == 7) {
            if (text[i] != '-') return false;
            ++field;
        } else if (text[i] >= '0' && text[i] <= '9') {
            fields[field] = fields[field] * 10 + (text[i] - '0');
        } else {
            return false;
        }
    }
    return date::year_month_day{date::year{fields[0]}, date::month{static_cast<unsigned>(fields[1])},
                                date::day{static_cast<unsigned>(fields[2])}}
        .ok();
}

}  // namespace billing::host
