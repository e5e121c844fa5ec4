#include "sessions/ordered_events.hpp"

#include "bus/event_bus.hpp"

namespace billing::host {

OrderedEvents::OrderedEvents(EventBus& bus) : bus_(bus) {}

std::uint64_t OrderedEvents::ticket() {
    std::lock_guard lock(mutex_);
    return ++issued_;
}

void OrderedEvents::publish(std::uint64_t ticket, Events events) {
    std::lock_guard lock(mutex_);
    waiting_.emplace(ticket, std::move(events));
    // Publishing only queues on the bus, so holding the lock here is brief.
    while (!waiting_.empty() && waiting_.begin()->first == published_ + 1) {
        for (auto& [topic, payload] : waiting_.begin()->second) bus_.publish(topic, std::move(payload), "host");
        waiting_.erase(waiting_.begin());
        ++published_;
    }
}

}  // namespace billing::host
