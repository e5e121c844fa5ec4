#pragma once
#include <chrono>
#include <cstdint>
#include <functional>

#include "billing/sdk/abi.hpp"

namespace billing::sdk {

using TimerId = std::uint64_t;

// Work scheduled on the plugin's own strand. Timers use the steady clock, so
// a wall-clock jump neither fires them early nor delays them.
class BILLING_SDK_API Scheduler {
public:
    virtual ~Scheduler() = default;
    virtual void post(std::function<void()> work) = 0;
    virtual TimerId after(std::chrono::milliseconds delay, std::function<void()> work) = 0;
    virtual TimerId every(std::chrono::milliseconds period, std::function<void()> work) = 0;
    // Cancelling an unknown or already fired timer does nothing.
    virtual void cancel(TimerId id) = 0;
};

}  // namespace billing::sdk
