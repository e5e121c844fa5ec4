#include "sessions/ordered_events.hpp"

#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "bus/event_bus.hpp"

namespace billing::host {
namespace {

TEST(OrderedEvents, EventsLeaveInTicketOrderWhateverOrderTheyArrive) {
    EventBus bus;
    std::vector<std::function<void()>> deliveries;
    std::vector<std::string> seen;
    bus.subscribe("test", "t.*", [&](const sdk::Event& event) { seen.push_back(event.topic); },
                  [&](std::function<void()> work) { deliveries.push_back(std::move(work)); });
    auto deliver = [&] {
        for (std::size_t i = 0; i < deliveries.size(); ++i) deliveries[i]();
        deliveries.clear();
    };
    OrderedEvents events(bus);
    const auto first = events.ticket();
    const auto second = events.ticket();
    const auto third = events.ticket();

    events.publish(third, {{"t.third", {}}});
    events.publish(second, {});  // a change without events still takes its turn
    deliver();
    EXPECT_TRUE(seen.empty()) << "nothing leaves before the first ticket's events";
    events.publish(first, {{"t.first_a", {}}, {"t.first_b", {}}});
    deliver();
    EXPECT_EQ(seen, (std::vector<std::string>{"t.first_a", "t.first_b", "t.third"}));
}

}  // namespace
}  // namespace billing::host
