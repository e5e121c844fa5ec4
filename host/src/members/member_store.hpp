#pragma once
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "members/member.hpp"

namespace billing::host {

class BusinessCalendar;
class Database;
class EventBus;
class PackageStore;

// Members, their package balances with the history of every change, and
// package sales. Mutations validate first (sdk::ApiError with a distinct
// code, nothing changed), write in one transaction, then publish member.*
// events. Members are read from the database (a shop has thousands).
class MemberStore {
public:
    MemberStore(Database& database, EventBus& bus, const PackageStore& packages, const BusinessCalendar& calendar);

    std::optional<Member> find(std::int64_t id) const;
    // `phone` in any common form (0812-…, +62 812…); normalised first.
    std::optional<Member> find_by_phone(const std::string& phone) const;
    // The member or 404 member_not_found.
    Member get(std::int64_t id) const;

    // {members:[...], total}: name or phone containing `query` (any case);
    // ordered by name.
    nlohmann::json search(const std::string& query, std::int64_t limit, std::int64_t offset) const;
    // body: {name, phone, notes?}; 409 phone_taken, 400 invalid_phone.
    Member create(const nlohmann::json& body, const std::string& actor);
    Member update(std::int64_t id, const nlohmann::json& body, const std::string& actor);

    // {balances:[{package_id, package (its name), units}]}, packages held.
    nlohmann::json balances(std::int64_t member_id) const;
    // {entries:[{id, at, package_id, package, kind, change, units_after,
    // actor, reason, session_id, sale_id}], next_before_id}, newest first.
    nlohmann::json history(std::int64_t member_id, std::optional<std::int64_t> before_id, std::int64_t limit) const;

    // A member buys `units` of a package: the sale (amount defaults to the
    // package's price × units; `actor` took the money) and the balance
    // change commit together. body: {package_id, units?, amount?}.
    // Returns {sale, balance}.
    nlohmann::json sell_package(std::int64_t member_id, const nlohmann::json& body, const std::string& actor);
    // A free grant or a correction: body {package_id, change, reason}
    // (`kind` granted when change > 0 and no kind given; adjusted
    // otherwise). Returns {balance}.
    nlohmann::json change_balance(std::int64_t member_id, const nlohmann::json& body, const std::string& actor);

private:
    Database& database_;
    EventBus& bus_;
    const PackageStore& packages_;
    const BusinessCalendar& calendar_;
};

}  // namespace billing::host
