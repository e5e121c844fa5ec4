#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace billing::host {

struct ThrottleLimits {
    std::size_t failures_per_username = 5;
    std::size_t failures_per_address = 20;
    std::chrono::seconds window{300};
    // Keys remembered per kind (usernames, addresses); beyond it the ones
    // idle longest are forgotten, so a flood of new names or addresses
    // cannot grow memory without bound.
    std::size_t max_tracked_keys = 10000;
};

// Counts failed logins per username and per remote address in a sliding
// window and says when to refuse more attempts. Thread-safe.
class LoginThrottle {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    explicit LoginThrottle(ThrottleLimits limits, Clock clock = std::chrono::steady_clock::now);

    // How long until an attempt may be made, or nothing if one may be made
    // now. Always at least one second when set.
    std::optional<std::chrono::seconds> retry_after(const std::string& username, const std::string& address);
    void record_failure(const std::string& username, const std::string& address);
    // Clears the username's failures (not the address's: one good password
    // must not reset a guesser's budget for every other account).
    void record_success(const std::string& username);

private:
    using TimePoint = std::chrono::steady_clock::time_point;
    // The newest failures of one key, oldest first, at most `limit` (20) of
    // them: older ones no longer decide anything.
    using Failures = std::vector<TimePoint>;
    using FailureMap = std::unordered_map<std::string, Failures>;

    std::optional<std::chrono::seconds> wait_for(FailureMap& map, const std::string& key, std::size_t limit,
                                                 TimePoint now);
    void add(FailureMap& map, const std::string& key, std::size_t limit, TimePoint now);
    void prune(FailureMap& map, TimePoint now);

    const ThrottleLimits limits_;
    const Clock clock_;
    std::mutex mutex_;
    FailureMap by_username_;
    FailureMap by_address_;
};

}  // namespace billing::host
