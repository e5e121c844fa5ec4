#include "daybook/day_closer.hpp"

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include <billing/sdk/topics.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <spdlog/spdlog.h>

#include "bus/event_bus.hpp"
#include "core/clock.hpp"
#include "core/executors.hpp"
#include "daybook/day_book.hpp"
#include "pricing/business_calendar.hpp"

namespace billing::host {

namespace {

// After a failure (database briefly unavailable, a broken setting), the
// closer tries again this much later.
constexpr std::chrono::minutes retry_delay{1};

const std::string subscriber = "host.daybook";

}  // namespace

struct DayCloser::Impl : std::enable_shared_from_this<Impl> {
    Impl(Executors& executors, EventBus& event_bus, DayBook& day_book, const BusinessCalendar& shop_calendar)
        : strand(boost::asio::make_strand(executors.work())),
          timer(strand),
          bus(event_bus),
          book(day_book),
          calendar(shop_calendar) {}

    boost::asio::strand<boost::asio::io_context::executor_type> strand;
    boost::asio::steady_timer timer;
    EventBus& bus;
    DayBook& book;
    const BusinessCalendar& calendar;
    std::atomic<bool> stopped{false};
    std::vector<sdk::SubscriptionId> subscriptions;
    // The business day in progress when the timer was armed; empty until
    // the days missed while the host was down are closed.
    std::string open_day;

    // Bus handlers run on the timer's strand, one at a time with it.
    Poster poster() {
        return [executor = strand](std::function<void()> job) { boost::asio::post(executor, std::move(job)); };
    }

    // Runs on the strand, at start-up, when the timer fires and when the
    // settings or the wall clock changed. The wall clock decides: if the day
    // armed for has not ended (the timer fired early because the clock was
    // set back), this only re-arms; if it has ended, it is closed, together
    // with any other day left open, and the timer waits for the next
    // boundary.
    void check() {
        if (stopped) return;
        const auto now = now_ms();
        try {
            const auto today = calendar.day_of(now);
            if (open_day.empty()) {
                book.close_days_before(today);
            } else if (today > open_day) {
                book.close(open_day);
                book.close_days_before(today);
            }
            open_day = today;
            wait(std::chrono::milliseconds(calendar.next_day_start(now) - now));
        } catch (const std::exception& error) {
            spdlog::error("daybook: closing business days failed, trying again in a minute: {}", error.what());
            wait(retry_delay);
        }
    }

    void wait(std::chrono::steady_clock::duration delay) {
        timer.expires_after(delay);
        timer.async_wait([self = shared_from_this()](const boost::system::error_code& error) {
            if (!error) self->check();
        });
    }

    // A cancelled wait runs nothing; check() arms the timer again.
    void recheck() {
        if (stopped) return;
        timer.cancel();
        check();
    }
};

DayCloser::DayCloser(Executors& executors, EventBus& bus, DayBook& book, const BusinessCalendar& calendar)
    : impl_(std::make_shared<Impl>(executors, bus, book, calendar)) {}

DayCloser::~DayCloser() { stop(); }

void DayCloser::start() {
    auto recheck = [impl = std::weak_ptr<Impl>(impl_)](const sdk::Event&) {
        if (auto self = impl.lock()) self->recheck();
    };
    // A new zone or boundary moves the next close; a wall-clock step may
    // have moved it closer than the steady timer knows.
    impl_->subscriptions = {
        impl_->bus.subscribe(subscriber, sdk::topics::settings_changed, recheck, impl_->poster()),
        impl_->bus.subscribe(subscriber, sdk::topics::host_clock_jumped, recheck, impl_->poster()),
    };
    boost::asio::post(impl_->strand, [impl = impl_] { impl->check(); });
}

void DayCloser::stop() {
    if (impl_->stopped.exchange(true)) return;
    for (auto id : impl_->subscriptions) impl_->bus.unsubscribe(id);
    boost::asio::post(impl_->strand, [impl = impl_] { impl->timer.cancel(); });
}

}  // namespace billing::host
