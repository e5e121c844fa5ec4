#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <billing/sdk/bus.hpp>

#include "core/poster.hpp"

namespace billing::host {

// The event bus. Each subscription has a bounded queue drained through its
// owner's poster (a strand), so a handler never runs on the publisher's stack
// and one owner's handlers never run concurrently. A full queue drops the
// event and counts it.
class EventBus {
public:
    explicit EventBus(std::size_t queue_limit = 1024);

    // Returns the event's sequence number. Throws std::invalid_argument for
    // an empty topic or one holding '*'.
    std::uint64_t publish(const std::string& topic, nlohmann::json payload, const std::string& source);

    // `pattern`: exact topic, `prefix.*`, or `*`. Throws std::invalid_argument
    // for an empty or malformed pattern.
    sdk::SubscriptionId subscribe(const std::string& owner, const std::string& pattern,
                                  sdk::EventHandler handler, Poster poster);
    // Safe at any time, also while a drain is queued: no handler of the
    // subscription starts afterwards. Unknown ids are ignored.
    void unsubscribe(sdk::SubscriptionId id);
    void unsubscribe_owner(const std::string& owner);

    struct OwnerStats {
        std::uint64_t delivered = 0;
        std::uint64_t dropped = 0;
        std::size_t queued = 0;
        std::size_t subscriptions = 0;
    };
    OwnerStats stats(const std::string& owner) const;

private:
    struct Subscription;
    using SubscriptionPtr = std::shared_ptr<Subscription>;
    // Static: a queued drain only touches its subscription, so it stays safe
    // even if it runs after the bus is gone.
    static void drain(const SubscriptionPtr& subscription);
    void retire_locked(const SubscriptionPtr& subscription);

    const std::size_t queue_limit_;
    mutable std::mutex mutex_;
    std::uint64_t next_id_ = 1;
    std::atomic<std::uint64_t> next_sequence_{1};
    std::map<sdk::SubscriptionId, SubscriptionPtr> subscriptions_;
    // Lookup tables for publish(): exact topics by name, and the prefix
    // subscriptions (`x.*` and `*`), which are few.
    std::multimap<std::string, SubscriptionPtr, std::less<>> exact_;
    std::vector<SubscriptionPtr> prefixed_;
    // Counters of subscriptions already removed, so an owner's totals survive
    // its plugin being toggled.
    std::map<std::string, OwnerStats> retired_;
};

}  // namespace billing::host
