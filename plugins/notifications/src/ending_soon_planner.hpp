#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <vector>

#include <billing/sdk/rental.hpp>
#include <billing/sdk/scheduler.hpp>
#include <nlohmann/json.hpp>

#include "given_ledger.hpp"

namespace notifications {

// The "minutes before the end" warnings, on this plugin's own thresholds
// (the host's session.ending_soon follows the shop setting, which drives the
// TV's own countdown notice). One timer per running session, to its next
// threshold, planned from the session's remaining time as the rental core
// reports it, so pauses, extensions and clock steps need no arithmetic here.
//
// A threshold whose moment has passed unannounced (a session shorter than
// it, an extension that left less time, a host that was down) is announced
// at once with the real minutes left; only the nearest one, and each
// threshold once per session (GivenLedger), restarts included.
class EndingSoonPlanner {
public:
    // Called for each warning to give: the session as the API shows it.
    using Warn = std::function<void(const nlohmann::json& session, int threshold_minutes, int minutes_left)>;

    EndingSoonPlanner(billing::sdk::Scheduler& scheduler, billing::sdk::Rental& rental, GivenLedger& ledger, Warn warn)
        : scheduler_(scheduler), rental_(rental), ledger_(ledger), warn_(std::move(warn)) {}

    // Thresholds in minutes, largest first; none turns the warnings off.
    // Replans every live session.
    void configure(std::vector<int> thresholds);
    // Plans the session again from its current state (started, paused,
    // resumed, a timer came due).
    void plan(std::int64_t session_id);
    // The session's deadline moved (extended): its warnings come again.
    void deadline_moved(std::int64_t session_id);
    void forget(std::int64_t session_id);

private:
    void plan_all();
    void plan_session(const nlohmann::json& session);

    billing::sdk::Scheduler& scheduler_;
    billing::sdk::Rental& rental_;
    GivenLedger& ledger_;
    Warn warn_;
    std::vector<int> thresholds_;
    std::map<std::int64_t, billing::sdk::TimerId> timers_;  // by session id
};

}  // namespace notifications
