#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace soci {
class session;
}

namespace billing::host {

// One change to a member's package balance, written together with the row
// of balance_history that explains it. Runs inside the caller's write
// transaction, so a session start and the unit it uses commit together.
struct BalanceChange {
    std::int64_t member_id = 0;
    std::int64_t package_id = 0;
    std::string kind;  // granted, bought, used, refunded, adjusted
    std::int64_t change = 0;  // units, negative for used (and some adjustments)
    std::string actor;        // who: a username or "plugin:<id>"
    std::string reason;
    std::optional<std::int64_t> session_id;
    std::optional<std::int64_t> sale_id;
    std::int64_t at = 0;  // Unix ms
};

// Applies the change and returns the units left. Throws sdk::ApiError
// 409 package_not_held when it would take the balance below zero (nothing
// written). The member and package must exist (checked by the caller).
std::int64_t apply_balance_change(soci::session& session, const BalanceChange& change);

// The units of `package_id` that `member_id` holds (0 when none).
std::int64_t balance_units(soci::session& session, std::int64_t member_id, std::int64_t package_id);

// The payload of member.balance_changed for an applied change:
// {member_id, package_id, kind, change, units, actor, reason, session_id}.
// Published by whoever committed the change (after the commit).
nlohmann::json balance_changed_payload(const BalanceChange& change, std::int64_t units);

}  // namespace billing::host
