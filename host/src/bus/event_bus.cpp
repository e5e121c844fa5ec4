#include "bus/event_bus.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <string_view>

#include <spdlog/spdlog.h>

#include "core/clock.hpp"

namespace billing::host {

namespace {

// A drain hands over at most this many events before giving the rest of the
// owner's strand (its routes, timers) a turn.
constexpr int kDrainBatch = 64;

bool valid_topic_text(std::string_view text) {
    return !text.empty() && std::none_of(text.begin(), text.end(), [](char c) {
        return c == '*' || static_cast<unsigned char>(c) <= ' ';
    });
}

}  // namespace

struct EventBus::Subscription {
    sdk::SubscriptionId id = 0;
    std::string owner;
    bool is_prefix = false;
    std::string topic_or_prefix;  // "x." for `x.*`, "" for `*`
    sdk::EventHandler handler;
    Poster poster;
    std::size_t limit = 0;

    std::mutex mutex;  // guards everything below
    std::deque<std::shared_ptr<const sdk::Event>> queue;
    bool drain_scheduled = false;
    bool active = true;
    std::uint64_t delivered = 0;
    std::uint64_t dropped = 0;

    bool matches(const std::string& topic) const {
        return is_prefix ? topic.starts_with(topic_or_prefix) : topic == topic_or_prefix;
    }

    // Returns true when the caller must schedule a drain: the queue was idle.
    bool enqueue(const std::shared_ptr<const sdk::Event>& event) {
        std::lock_guard lock(mutex);
        if (!active) return false;
        if (queue.size() >= limit) {
            ++dropped;
            return false;
        }
        queue.push_back(event);
        if (drain_scheduled) return false;
        drain_scheduled = true;
        return true;
    }

    // The next event to hand over, or null (and the drain ends) when the
    // queue is empty or the subscription is gone.
    std::shared_ptr<const sdk::Event> take() {
        std::lock_guard lock(mutex);
        if (!active || queue.empty()) {
            drain_scheduled = false;
            return nullptr;
        }
        auto event = std::move(queue.front());
        queue.pop_front();
        ++delivered;
        return event;
    }
};

EventBus::EventBus(std::size_t queue_limit) : queue_limit_(std::max<std::size_t>(queue_limit, 1)) {}

std::uint64_t EventBus::publish(const std::string& topic, nlohmann::json payload, const std::string& source) {
    if (!valid_topic_text(topic))
        throw std::invalid_argument("invalid event topic \"" + topic + "\": it must be non-empty, without spaces or '*'");
    auto event = std::make_shared<sdk::Event>();
    event->topic = topic;
    event->payload = std::move(payload);
    event->source = source;
    event->at_ms = now_ms();

    std::vector<SubscriptionPtr> to_schedule;
    {
        // The sequence is taken under the lock so every queue sees events in
        // sequence order.
        std::lock_guard lock(mutex_);
        event->sequence = next_sequence_++;
        auto [first, last] = exact_.equal_range(topic);
        for (auto it = first; it != last; ++it)
            if (it->second->enqueue(event)) to_schedule.push_back(it->second);
        for (const auto& subscription : prefixed_)
            if (subscription->matches(topic) && subscription->enqueue(event)) to_schedule.push_back(subscription);
    }
    for (const auto& subscription : to_schedule)
        subscription->poster([subscription] { drain(subscription); });
    return event->sequence;
}

sdk::SubscriptionId EventBus::subscribe(const std::string& owner, const std::string& pattern,
                                        sdk::EventHandler handler, Poster poster) {
    auto subscription = std::make_shared<Subscription>();
    if (pattern == "*") {
        subscription->is_prefix = true;
    } else if (pattern.ends_with(".*")) {
        subscription->is_prefix = true;
        subscription->topic_or_prefix = pattern.substr(0, pattern.size() - 1);
        if (!valid_topic_text(subscription->topic_or_prefix) || subscription->topic_or_prefix == ".")
            throw std::invalid_argument("invalid subscription pattern \"" + pattern + "\"");
    } else {
        subscription->topic_or_prefix = pattern;
        if (!valid_topic_text(pattern))
            throw std::invalid_argument("invalid subscription pattern \"" + pattern +
                                        "\": use an exact topic, `prefix.*` or `*`");
    }
    if (!handler || !poster) throw std::invalid_argument("a subscription needs a handler and a poster");
    subscription->owner = owner;
    subscription->handler = std::move(handler);
    subscription->poster = std::move(poster);
    subscription->limit = queue_limit_;

    std::lock_guard lock(mutex_);
    subscription->id = next_id_++;
    subscriptions_.emplace(subscription->id, subscription);
    if (subscription->is_prefix)
        prefixed_.push_back(subscription);
    else
        exact_.emplace(subscription->topic_or_prefix, subscription);
    return subscription->id;
}

void EventBus::unsubscribe(sdk::SubscriptionId id) {
    std::lock_guard lock(mutex_);
    auto it = subscriptions_.find(id);
    if (it == subscriptions_.end()) return;
    retire_locked(it->second);
    subscriptions_.erase(it);
}

void EventBus::unsubscribe_owner(const std::string& owner) {
    std::lock_guard lock(mutex_);
    for (auto it = subscriptions_.begin(); it != subscriptions_.end();) {
        if (it->second->owner == owner) {
            retire_locked(it->second);
            it = subscriptions_.erase(it);
        } else {
            ++it;
        }
    }
}

void EventBus::retire_locked(const SubscriptionPtr& subscription) {
    if (subscription->is_prefix) {
        std::erase(prefixed_, subscription);
    } else {
        auto [first, last] = exact_.equal_range(subscription->topic_or_prefix);
        for (auto it = first; it != last; ++it) {
            if (it->second == subscription) {
                exact_.erase(it);
                break;
            }
        }
    }
    std::lock_guard lock(subscription->mutex);
    // A drain still queued finds the subscription inactive and stops.
    subscription->active = false;
    subscription->queue.clear();
    auto& totals = retired_[subscription->owner];
    totals.delivered += subscription->delivered;
    totals.dropped += subscription->dropped;
}

EventBus::OwnerStats EventBus::stats(const std::string& owner) const {
    std::lock_guard lock(mutex_);
    OwnerStats result;
    if (auto it = retired_.find(owner); it != retired_.end()) {
        result.delivered = it->second.delivered;
        result.dropped = it->second.dropped;
    }
    for (const auto& [id, subscription] : subscriptions_) {
        if (subscription->owner != owner) continue;
        std::lock_guard subscription_lock(subscription->mutex);
        result.delivered += subscription->delivered;
        result.dropped += subscription->dropped;
        result.queued += subscription->queue.size();
        ++result.subscriptions;
    }
    return result;
}

void EventBus::drain(const SubscriptionPtr& subscription) {
    for (int handed_over = 0; handed_over < kDrainBatch; ++handed_over) {
        auto event = subscription->take();
        if (!event) return;
        // A throwing handler must not take the worker thread down; plugin
        // handlers are already wrapped by their context, this guards the rest.
        try {
            subscription->handler(*event);
        } catch (const std::exception& error) {
            spdlog::error("bus handler of {} failed on {}: {}", subscription->owner, event->topic, error.what());
        } catch (...) {
            spdlog::error("bus handler of {} failed on {} with a non-standard exception", subscription->owner,
                          event->topic);
        }
    }
    // The batch is used up: queue the rest behind whatever else waits on the
    // owner's strand. drain_scheduled stays true, so publishers do not post
    // a second drain meanwhile.
    {
        std::lock_guard lock(subscription->mutex);
        if (!subscription->active || subscription->queue.empty()) {
            subscription->drain_scheduled = false;
            return;
        }
    }
    subscription->poster([subscription] { drain(subscription); });
}

}  // namespace billing::host
