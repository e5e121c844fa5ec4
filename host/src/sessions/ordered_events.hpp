#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace billing::host {

class EventBus;

// Events of changes that commit in one order but reach the disk, and may
// be published, in any order (several commits share one fsync, and their
// threads wake in any order). Each change takes a ticket when it commits;
// events go to the bus strictly in ticket order.
class OrderedEvents {
public:
    using Events = std::vector<std::pair<std::string, nlohmann::json>>;

    explicit OrderedEvents(EventBus& bus);
    // Taken under the committer's lock, right after the commit.
    std::uint64_t ticket();
    // Publishes this ticket's events once every earlier ticket's are out.
    // Every ticket must be published, even with no events.
    void publish(std::uint64_t ticket, Events events);

private:
    EventBus& bus_;
    std::mutex mutex_;
    std::uint64_t issued_ = 0;
    std::uint64_t published_ = 0;
    std::map<std::uint64_t, Events> waiting_;
};

}  // namespace billing::host
