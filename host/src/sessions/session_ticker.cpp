#include "sessions/session_ticker.hpp"

#include <algorithm>
#include <atomic>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <spdlog/spdlog.h>

#include "core/executors.hpp"
#include "sessions/session_clock.hpp"
#include "sessions/session_service.hpp"

namespace billing::host {

using namespace std::chrono;

struct SessionTicker::Impl : std::enable_shared_from_this<Impl> {
    Impl(Executors& executors, SessionService& service, SessionClock& session_clock)
        : strand(boost::asio::make_strand(executors.work())),
          timer(strand),
          sessions(service),
          clock(session_clock) {}

    boost::asio::strand<boost::asio::io_context::executor_type> strand;
    boost::asio::steady_timer timer;
    SessionService& sessions;
    SessionClock& clock;
    std::atomic<bool> stopped{false};
    std::atomic<bool> poke_pending{false};

    // Runs on the strand: what is due happens, then the timer waits for the
    // next due instant, or one second if that is sooner.
    void tick() {
        if (stopped) return;
        std::optional<std::int64_t> next;
        try {
            sessions.follow_clock_jump();
            next = sessions.run_due();
        } catch (const std::exception& error) {
            // The database may be briefly unavailable; what is due stays due
            // and is retried on the next tick.
            spdlog::error("sessions: due work failed, retrying in a second: {}", error.what());
        }
        auto wake = steady_clock::now() + seconds(1);
        if (next) wake = std::min(wake, clock.steady_at(*next));
        timer.expires_at(wake);
        timer.async_wait([self = shared_from_this()](const boost::system::error_code& error) {
            if (!error) self->tick();
        });
    }
};

SessionTicker::SessionTicker(Executors& executors, SessionService& sessions, SessionClock& clock)
    : impl_(std::make_shared<Impl>(executors, sessions, clock)) {}

SessionTicker::~SessionTicker() { stop(); }

void SessionTicker::start() {
    boost::asio::post(impl_->strand, [impl = impl_] { impl->tick(); });
}

void SessionTicker::poke() {
    // Many changes in a burst need one re-arm: a poke already queued will
    // see them all. Cancelling the wait runs nothing; the tick re-arms.
    if (impl_->poke_pending.exchange(true)) return;
    boost::asio::post(impl_->strand, [impl = impl_] {
        impl->poke_pending = false;
        if (impl->stopped) return;
        impl->timer.cancel();
        impl->tick();
    });
}

void SessionTicker::stop() {
    if (impl_->stopped.exchange(true)) return;
    boost::asio::post(impl_->strand, [impl = impl_] { impl->timer.cancel(); });
}

}  // namespace billing::host
