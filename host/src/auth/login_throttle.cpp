#include "auth/login_throttle.hpp"

#include <algorithm>

namespace billing::host {

LoginThrottle::LoginThrottle(ThrottleLimits limits, Clock clock) : limits_(limits), clock_(std::move(clock)) {}

std::optional<std::chrono::seconds> LoginThrottle::wait_for(FailureMap& map, const std::string& key,
                                                            std::size_t limit, TimePoint now) {
    auto it = map.find(key);
    if (it == map.end()) return std::nullopt;
    auto& failures = it->second;
    std::erase_if(failures, [&](TimePoint failure) { return failure + limits_.window <= now; });
    if (failures.size() < limit) return std::nullopt;
    // Attempts resume once the oldest remembered failure leaves the window.
    auto wait = std::chrono::ceil<std::chrono::seconds>(failures.front() + limits_.window - now);
    return std::max(wait, std::chrono::seconds(1));
}

std::optional<std::chrono::seconds> LoginThrottle::retry_after(const std::string& username,
                                                               const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto now = clock_();
    auto by_name = wait_for(by_username_, username, limits_.failures_per_username, now);
    auto by_address = wait_for(by_address_, address, limits_.failures_per_address, now);
    if (by_name && by_address) return std::max(*by_name, *by_address);
    return by_name ? by_name : by_address;
}

void LoginThrottle::add(FailureMap& map, const std::string& key, std::size_t limit, TimePoint now) {
    if (!map.contains(key) && map.size() >= limits_.max_tracked_keys) prune(map, now);
    auto& failures = map[key];
    failures.push_back(now);
    if (failures.size() > limit) failures.erase(failures.begin());
}

void LoginThrottle::prune(FailureMap& map, TimePoint now) {
    std::erase_if(map, [&](const auto& entry) {
        return entry.second.empty() || entry.second.back() + limits_.window <= now;
    });
    if (map.size() < limits_.max_tracked_keys) return;
    // Still full of recent failures: forget the key idle longest.
    auto oldest = std::min_element(map.begin(), map.end(), [](const auto& a, const auto& b) {
        return a.second.back() < b.second.back();
    });
    map.erase(oldest);
}

void LoginThrottle::record_failure(const std::string& username, const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto now = clock_();
    add(by_username_, username, limits_.failures_per_username, now);
    add(by_address_, address, limits_.failures_per_address, now);
}

void LoginThrottle::record_success(const std::string& username) {
    std::lock_guard lock(mutex_);
    by_username_.erase(username);
}

}  // namespace billing::host
