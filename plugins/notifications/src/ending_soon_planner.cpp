#include "ending_soon_planner.hpp"

#include <billing/sdk/http.hpp>

#include "wall_clock.hpp"

namespace notifications {

namespace {

const std::string kKind = "ending_soon";

}  // namespace

void EndingSoonPlanner::configure(std::vector<int> thresholds) {
    thresholds_ = std::move(thresholds);
    plan_all();
}

void EndingSoonPlanner::plan_all() {
    for (const auto& [id, timer] : timers_) scheduler_.cancel(timer);
    timers_.clear();
    if (thresholds_.empty()) return;
    // Kept in a local: a range-for over a member of a temporary would read
    // freed memory.
    const auto board = rental_.stations();
    for (const auto& station : board.at("stations"))
        if (station.at("session").is_object()) plan_session(station.at("session"));
}

void EndingSoonPlanner::plan(std::int64_t session_id) {
    try {
        plan_session(rental_.session(session_id));
    } catch (const billing::sdk::ApiError&) {
        forget(session_id);  // gone meanwhile
    }
}

void EndingSoonPlanner::deadline_moved(std::int64_t session_id) {
    ledger_.forget(session_id, kKind);
    plan(session_id);
}

void EndingSoonPlanner::forget(std::int64_t session_id) {
    if (auto timer = timers_.find(session_id); timer != timers_.end()) {
        scheduler_.cancel(timer->second);
        timers_.erase(timer);
    }
}

void EndingSoonPlanner::plan_session(const nlohmann::json& session) {
    const auto id = session.at("id").get<std::int64_t>();
    forget(id);
    const auto& remaining_field = session.at("remaining_ms");
    if (thresholds_.empty() || session.at("state") != "running" || !remaining_field.is_number_integer()) return;
    const auto remaining = remaining_field.get<std::int64_t>();
    if (remaining <= 0) return;

    // Thresholds are largest first: the due ones come first (the last of them
    // is the nearest), then the next one to come.
    std::optional<int> nearest_due, next;
    bool nearest_is_new = false;
    for (int threshold : thresholds_) {
        if (remaining > threshold * kMinute) {
            if (!next) next = threshold;
            continue;
        }
        nearest_is_new = ledger_.record(id, kKind, threshold, now_ms());
        nearest_due = threshold;
    }
    if (nearest_due && nearest_is_new)
        warn_(session, *nearest_due, static_cast<int>((remaining + kMinute - 1) / kMinute));
    if (next) {
        const auto delay = std::chrono::milliseconds(remaining - *next * kMinute);
        timers_[id] = scheduler_.after(delay, [this, id] { plan(id); });
    }
}

}  // namespace notifications
