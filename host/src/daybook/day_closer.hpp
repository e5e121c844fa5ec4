#pragma once
#include <memory>

namespace billing::host {

class BusinessCalendar;
class DayBook;
class EventBus;
class Executors;

// The daily reset: at start-up it closes the days missed while the host was
// down, then closes each business day at its boundary (re-armed when the
// time zone or business_day_start setting changes). Its timer runs on the
// steady clock and re-reads the wall clock when it fires, so a clock jump
// neither closes a day early nor skips one.
class DayCloser {
public:
    DayCloser(Executors& executors, EventBus& bus, DayBook& book, const BusinessCalendar& calendar);
    ~DayCloser();
    void start();
    void stop();

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace billing::host
