#include "daybook/day_closer.hpp"

namespace billing::host {

struct DayCloser::Impl {};

DayCloser::DayCloser(Executors&, EventBus&, DayBook&, const BusinessCalendar&) : impl_(std::make_shared<Impl>()) {}

DayCloser::~DayCloser() { stop(); }

void DayCloser::start() {}

void DayCloser::stop() {}

}  // namespace billing::host
