#pragma once
#include <mutex>
#include <string>
#include <vector>

#include <billing/sdk/http.hpp>
#include <billing/sdk/user.hpp>

namespace billing::host {

// Which users may see which topics on the SSE stream. Rules match a topic
// prefix ("session." or an exact topic); the longest match wins; topics with
// no rule are shown to admins only.
class EventVisibility {
public:
    EventVisibility();  // installs the host's rules (see docs/events.md)
    // Throws std::invalid_argument for an empty prefix, or one overlapping a
    // rule of another owner (either a prefix of the other): a plugin must not
    // widen who sees the host's or another plugin's topics.
    void add_rule(const std::string& owner, const std::string& topic_prefix, sdk::Access access);
    void remove_owner(const std::string& owner);
    bool may_see(const sdk::UserInfo& user, const std::string& topic) const;

private:
    struct Rule {
        std::string owner;
        std::string prefix;
        sdk::Access access;
    };
    mutable std::mutex mutex_;
    std::vector<Rule> rules_;
};

}  // namespace billing::host
