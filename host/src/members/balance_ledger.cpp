#include "members/balance_ledger.hpp"

#include <billing/sdk/http.hpp>
#include <soci/soci.h>

#include "storage/nullable.hpp"

namespace billing::host {

std::int64_t balance_units(soci::session& session, std::int64_t member_id, std::int64_t package_id) {
    long long units = 0;
    const long long member = member_id, package = package_id;
    session << "SELECT units FROM member_balances WHERE member_id = :member AND package_id = :package",
        soci::into(units), soci::use(member), soci::use(package);
    // No row leaves `units` at 0: the member never held the package.
    return units;
}

std::int64_t apply_balance_change(soci::session& session, const BalanceChange& change) {
    // The caller's write transaction began IMMEDIATE, so no other writer can
    // change this balance between the read and the write.
    const long long units = balance_units(session, change.member_id, change.package_id) + change.change;
    if (units < 0)
        throw sdk::ApiError(409, "package_not_held",
                            "member " + std::to_string(change.member_id) + " holds " + std::to_string(units - change.change) +
                                " unit(s) of package " + std::to_string(change.package_id) + ", cannot take " +
                                std::to_string(-change.change));
    const long long member = change.member_id, package = change.package_id, amount = change.change, at = change.at;
    session << "INSERT INTO member_balances (member_id, package_id, units) VALUES (:member, :package, :units) "
               "ON CONFLICT (member_id, package_id) DO UPDATE SET units = excluded.units",
        soci::use(member), soci::use(package), soci::use(units);
    NullableInteger session_id(change.session_id), sale_id(change.sale_id);
    session << "INSERT INTO balance_history (at, member_id, package_id, kind, change, units_after, actor, reason, "
               "session_id, sale_id) VALUES (:at, :member, :package, :kind, :change, :units, :actor, :reason, "
               ":session_id, :sale_id)",
        soci::use(at), soci::use(member), soci::use(package), soci::use(change.kind), soci::use(amount),
        soci::use(units), soci::use(change.actor), soci::use(change.reason),
        soci::use(session_id.value, session_id.indicator), soci::use(sale_id.value, sale_id.indicator);
    return units;
}

nlohmann::json balance_changed_payload(const BalanceChange& change, std::int64_t units) {
    return {{"member_id", change.member_id},
            {"package_id", change.package_id},
            {"kind", change.kind},
            {"change", change.change},
            {"units", units},
            {"actor", change.actor},
            {"reason", change.reason},
            {"session_id", change.session_id ? nlohmann::json(*change.session_id) : nlohmann::json(nullptr)}};
}

}  // namespace billing::host
