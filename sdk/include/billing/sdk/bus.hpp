#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "billing/sdk/abi.hpp"

namespace billing::sdk {

// One message on the event bus. Facts are named `subject.verb` in the past
// tense (`session.started`), requests in the imperative (`tv.command`).
struct Event {
    std::string topic;
    nlohmann::json payload;
    std::string source;        // plugin id, or "host"
    std::int64_t at_ms = 0;    // publication time, Unix milliseconds
    std::uint64_t sequence = 0;  // host-wide publication order
};

inline void to_json(nlohmann::json& j, const Event& e) {
    j = nlohmann::json{{"topic", e.topic}, {"payload", e.payload}, {"source", e.source},
                       {"at", e.at_ms}, {"seq", e.sequence}};
}

using SubscriptionId = std::uint64_t;
using EventHandler = std::function<void(const Event&)>;

// The bus as a plugin sees it. Handlers never run on the publisher's stack;
// all of one plugin's handlers run on that plugin's strand, one at a time.
class BILLING_SDK_API Bus {
public:
    virtual ~Bus() = default;
    virtual void publish(const std::string& topic, nlohmann::json payload) = 0;
    // `pattern` is an exact topic (`session.started`), a prefix ending in
    // `.*` (`session.*`), or `*` for every topic.
    virtual SubscriptionId subscribe(const std::string& pattern, EventHandler handler) = 0;
    virtual void unsubscribe(SubscriptionId id) = 0;
};

}  // namespace billing::sdk
