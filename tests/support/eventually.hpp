#pragma once
#include <chrono>
#include <thread>

namespace billing::test {

// Polls `condition` every 10 ms until it holds or a generous deadline
// passes. Tests check outcomes this way, never how long something took.
template <class Condition>
bool eventually(Condition condition, std::chrono::milliseconds deadline = std::chrono::seconds(30)) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

}  // namespace billing::test
