#include "pricing/business_calendar.hpp"

#include <stdexcept>

namespace billing::host {

BusinessCalendar::BusinessCalendar(const sdk::Settings& settings) : settings_(settings) {}

std::string BusinessCalendar::day_of(std::int64_t) const { throw std::logic_error("not implemented yet"); }

std::int64_t BusinessCalendar::next_day_start(std::int64_t) const { throw std::logic_error("not implemented yet"); }

int BusinessCalendar::local_minute_of_day(std::int64_t) const { throw std::logic_error("not implemented yet"); }

}  // namespace billing::host
