#include "daybook/day_book.hpp"

#include <stdexcept>

namespace billing::host {

DayBook::DayBook(Database& database, EventBus& bus, const BusinessCalendar& calendar)
    : database_(database), bus_(bus), calendar_(calendar) {}

nlohmann::json DayBook::close(const std::string&) { throw std::logic_error("not implemented yet"); }

void DayBook::close_days_before(const std::string&) { throw std::logic_error("not implemented yet"); }

void DayBook::refresh(const std::string&) { throw std::logic_error("not implemented yet"); }

nlohmann::json DayBook::summary(const std::string&) const { throw std::logic_error("not implemented yet"); }

nlohmann::json DayBook::list(const std::optional<std::string>&, const std::optional<std::string>&) const {
    throw std::logic_error("not implemented yet");
}

}  // namespace billing::host
