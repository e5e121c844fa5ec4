#pragma once
#include <memory>

namespace billing::host {

class Executors;
class SessionClock;
class SessionService;

// Wakes the session service when something is due (a deadline, a warning,
// the end of the longest pause) and at least once a second to notice a
// wall-clock step. Its timer runs on the steady clock, on a strand of the
// worker threads; Asio stays out of this header.
class SessionTicker {
public:
    SessionTicker(Executors& executors, SessionService& sessions, SessionClock& clock);
    ~SessionTicker();
    void start();
    // Re-arms for the service's next due instant (after a change).
    void poke();
    // Cancels the timer; safe to call twice.
    void stop();

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace billing::host
