#include "bus/event_visibility.hpp"

#include <stdexcept>

namespace billing::host {

EventVisibility::EventVisibility() {
    rules_ = {
        {"host", "plugin.", sdk::Access::permitted("plugins.view")},
        // Every dashboard follows which plugins run, for their sidebar pages.
        {"host", "plugin.started", sdk::Access::signed_in()},
        {"host", "plugin.stopped", sdk::Access::signed_in()},
        {"host", "settings.", sdk::Access::signed_in()},
        {"host", "host.", sdk::Access::signed_in()},
        {"host", "user.", sdk::Access::admin_only()},
        {"host", "backup.", sdk::Access::admin_only()},
        {"host", "session.", sdk::Access::permitted("sessions.view")},
        {"host", "station.", sdk::Access::permitted("sessions.view")},
        {"host", "package.", sdk::Access::signed_in()},
        {"host", "member.", sdk::Access::permitted("members.view")},
        {"host", "day.", sdk::Access::permitted("sales.view")},
    };
}

void EventVisibility::add_rule(const std::string& owner, const std::string& topic_prefix, sdk::Access access) {
    if (topic_prefix.empty()) throw std::invalid_argument("an event visibility rule needs a topic prefix");
    std::lock_guard lock(mutex_);
    for (const auto& rule : rules_) {
        if (rule.owner != owner && (rule.prefix.starts_with(topic_prefix) || topic_prefix.starts_with(rule.prefix)))
            throw std::invalid_argument("event prefix \"" + topic_prefix + "\" overlaps \"" + rule.prefix +
                                        "\" of " + rule.owner);
    }
    rules_.push_back({owner, topic_prefix, std::move(access)});
}

void EventVisibility::remove_owner(const std::string& owner) {
    std::lock_guard lock(mutex_);
    std::erase_if(rules_, [&](const Rule& rule) { return rule.owner == owner; });
}

bool EventVisibility::may_see(const sdk::UserInfo& user, const std::string& topic) const {
    std::lock_guard lock(mutex_);
    const Rule* best = nullptr;
    for (const auto& rule : rules_)
        if (topic.starts_with(rule.prefix) && (!best || rule.prefix.size() > best->prefix.size())) best = &rule;
    if (!best) return user.is_admin();
    switch (best->access.kind) {
        case sdk::Access::Kind::public_route:
        case sdk::Access::Kind::authenticated:
            return true;
        case sdk::Access::Kind::permission:
            return user.has(best->access.permission);
        case sdk::Access::Kind::admin:
            return user.is_admin();
    }
    return false;
}

}  // namespace billing::host
