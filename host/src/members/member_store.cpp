#include "members/member_store.hpp"

#include <functional>
#include <limits>
#include <stdexcept>

#include <billing/sdk/http.hpp>
#include <billing/sdk/topics.hpp>
#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include "bus/event_bus.hpp"
#include "catalog/package_store.hpp"
#include "core/clock.hpp"
#include "core/phone_number.hpp"
#include "members/balance_ledger.hpp"
#include "members/member_input.hpp"
#include "members/sales_book.hpp"
#include "pricing/business_calendar.hpp"
#include "storage/database.hpp"
#include "storage/nullable.hpp"

namespace billing::host {

namespace {

using sdk::ApiError;

// One row of the members table, bound column by column.
struct MemberRow {
    long long id = 0, created_at = 0, updated_at = 0;
    std::string name, phone, notes;

    void bind(soci::statement& statement) {
        statement.exchange(soci::into(id));
        statement.exchange(soci::into(name));
        statement.exchange(soci::into(phone));
        statement.exchange(soci::into(notes));
        statement.exchange(soci::into(created_at));
        statement.exchange(soci::into(updated_at));
    }
    Member member() const {
        return Member{.id = id, .name = name, .phone = phone, .notes = notes, .created_at = created_at, .updated_at = updated_at};
    }
};

// The members matching `condition` (SQL after WHERE, with its values bound
// by `bind_values` in order).
std::vector<Member> select_members(soci::session& session, const std::string& condition,
                                   const std::function<void(soci::statement&)>& bind_values) {
    MemberRow row;
    soci::statement statement(session);
    row.bind(statement);
    bind_values(statement);
    statement.alloc();
    statement.prepare("SELECT id, name, phone, notes, created_at, updated_at FROM members WHERE " + condition);
    statement.define_and_bind();
    statement.execute();
    std::vector<Member> members;
    while (statement.fetch()) members.push_back(row.member());
    return members;
}

std::optional<Member> select_member_by_id(soci::session& session, std::int64_t id) {
    const long long value = id;
    auto members = select_members(session, "id = :id", [&](soci::statement& s) { s.exchange(soci::use(value)); });
    if (members.empty()) return std::nullopt;
    return members.front();
}

std::optional<Member> select_member_by_phone(soci::session& session, const std::string& phone) {
    auto members = select_members(session, "phone = :phone", [&](soci::statement& s) { s.exchange(soci::use(phone)); });
    if (members.empty()) return std::nullopt;
    return members.front();
}

ApiError member_not_found(std::int64_t id) {
    return ApiError(404, "member_not_found", "no member with id " + std::to_string(id));
}

// Checked inside the write transaction, so two members cannot race to the
// same number.
void refuse_taken_phone(soci::session& session, const std::string& phone, std::int64_t member_id) {
    auto owner = select_member_by_phone(session, phone);
    if (owner && owner->id != member_id)
        throw ApiError(409, "phone_taken",
                       "phone " + phone + " already belongs to member " + std::to_string(owner->id) + " (" + owner->name + ")");
}

// `text` with LIKE's wildcards escaped, between '%'s: "contains".
std::string contains_pattern(const std::string& text) {
    std::string pattern = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

// The digits of a search that looks like (part of) a phone number, both as
// typed and with a leading 0 read as 62, so "0812" finds 62812…; nullopt
// for a search that has letters in it.
std::optional<std::pair<std::string, std::string>> phone_search_digits(const std::string& query) {
    std::string digits;
    for (char c : query) {
        if (c >= '0' && c <= '9') digits += c;
        else if (c != '+' && c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') return std::nullopt;
    }
    if (digits.empty()) return std::nullopt;
    auto international = digits.starts_with('0') ? "62" + digits.substr(1) : digits;
    return std::pair{digits, international};
}

nlohmann::json balance_json(std::int64_t package_id, const std::string& package_name, std::int64_t units) {
    return {{"package_id", package_id}, {"package", package_name}, {"units", units}};
}

// The package a balance change is about: it exists, and is a fixed one
// (open play is billed by the minute and cannot be held as units).
Package balance_package(const PackageStore& packages, std::int64_t package_id) {
    auto package = packages.get(package_id);
    if (package.is_open_play())
        throw ApiError(409, "package_open_play",
                       "package " + std::to_string(package.id) + " (" + package.name +
                           ") is open play, billed by time; only fixed packages can be held as a balance");
    return package;
}

ApiError package_inactive(const Package& package) {
    return ApiError(409, "package_inactive",
                    "package " + std::to_string(package.id) + " (" + package.name + ") is no longer sold");
}

}  // namespace

MemberStore::MemberStore(Database& database, EventBus& bus, const PackageStore& packages,
                         const BusinessCalendar& calendar)
    : database_(database), bus_(bus), packages_(packages), calendar_(calendar) {}

std::optional<Member> MemberStore::find(std::int64_t id) const {
    std::optional<Member> member;
    database_.read([&](soci::session& session) { member = select_member_by_id(session, id); });
    return member;
}

std::optional<Member> MemberStore::find_by_phone(const std::string& phone) const {
    std::string normalised;
    try {
        normalised = normalise_phone_number(phone);
    } catch (const std::invalid_argument&) {
        return std::nullopt;  // no member has a number that is not one
    }
    std::optional<Member> member;
    database_.read([&](soci::session& session) { member = select_member_by_phone(session, normalised); });
    return member;
}

Member MemberStore::get(std::int64_t id) const {
    auto member = find(id);
    if (!member) throw member_not_found(id);
    return *member;
}

nlohmann::json MemberStore::search(const std::string& query, std::int64_t limit, std::int64_t offset) const {
    const std::string name_pattern = contains_pattern(query);
    auto digits = phone_search_digits(query);
    // A search with letters matches names only: its own pattern never
    // matches a phone, which holds digits alone.
    const std::string typed_phone = digits ? contains_pattern(digits->first) : name_pattern;
    const std::string international_phone = digits ? contains_pattern(digits->second) : name_pattern;
    const std::string condition =
        "(name LIKE :name ESCAPE '\\' OR phone LIKE :typed ESCAPE '\\' OR phone LIKE :international ESCAPE '\\')";
    const long long page_limit = limit, page_offset = offset;
    long long total = 0;
    std::vector<Member> members;
    database_.read([&](soci::session& session) {
        session << "SELECT COUNT(*) FROM members WHERE " + condition, soci::into(total), soci::use(name_pattern),
            soci::use(typed_phone), soci::use(international_phone);
        members = select_members(session, condition + " ORDER BY name COLLATE NOCASE, id LIMIT :limit OFFSET :offset",
                                 [&](soci::statement& s) {
                                     s.exchange(soci::use(name_pattern));
                                     s.exchange(soci::use(typed_phone));
                                     s.exchange(soci::use(international_phone));
                                     s.exchange(soci::use(page_limit));
                                     s.exchange(soci::use(page_offset));
                                 });
    });
    return {{"members", members}, {"total", total}};
}

Member MemberStore::create(const nlohmann::json& body, const std::string& actor) {
    auto fields = member_input::member_fields(body, /*creating=*/true);
    Member member{.name = *fields.name, .phone = *fields.phone, .notes = fields.notes.value_or("")};
    member.created_at = member.updated_at = now_ms();
    database_.write([&](soci::session& session) {
        refuse_taken_phone(session, member.phone, 0);
        const long long at = member.created_at;
        session << "INSERT INTO members (name, phone, notes, created_at, updated_at) "
                   "VALUES (:name, :phone, :notes, :created_at, :updated_at)",
            soci::use(member.name), soci::use(member.phone), soci::use(member.notes), soci::use(at), soci::use(at);
        long long id = 0;
        session.get_last_insert_id("members", id);
        member.id = id;
    });
    spdlog::info("member {} created by {}", member.id, actor);
    bus_.publish(sdk::topics::member_created, {{"member", member}, {"actor", actor}}, "host");
    return member;
}

Member MemberStore::update(std::int64_t id, const nlohmann::json& body, const std::string& actor) {
    auto fields = member_input::member_fields(body, /*creating=*/false);
    Member member;
    nlohmann::json changed = nlohmann::json::array();
    database_.write([&](soci::session& session) {
        auto current = select_member_by_id(session, id);
        if (!current) throw member_not_found(id);
        member = *current;
        auto apply = [&](const std::optional<std::string>& value, std::string& field, const char* name) {
            if (value && *value != field) {
                field = *value;
                changed.push_back(name);
            }
        };
        apply(fields.name, member.name, "name");
        apply(fields.phone, member.phone, "phone");
        apply(fields.notes, member.notes, "notes");
        if (changed.empty()) return;
        if (fields.phone) refuse_taken_phone(session, member.phone, id);
        member.updated_at = now_ms();
        const long long member_id = id, updated_at = member.updated_at;
        session << "UPDATE members SET name = :name, phone = :phone, notes = :notes, updated_at = :updated_at "
                   "WHERE id = :id",
            soci::use(member.name), soci::use(member.phone), soci::use(member.notes), soci::use(updated_at),
            soci::use(member_id);
    });
    if (!changed.empty())
        bus_.publish(sdk::topics::member_updated, {{"member", member}, {"changed", changed}, {"actor", actor}}, "host");
    return member;
}

nlohmann::json MemberStore::balances(std::int64_t member_id) const {
    nlohmann::json balances = nlohmann::json::array();
    database_.read([&](soci::session& session) {
        if (!select_member_by_id(session, member_id)) throw member_not_found(member_id);
        const long long member = member_id;
        long long package_id = 0, units = 0;
        std::string package_name;
        soci::statement statement =
            (session.prepare << "SELECT b.package_id, p.name, b.units FROM member_balances b "
                                "JOIN packages p ON p.id = b.package_id "
                                "WHERE b.member_id = :member AND b.units > 0 ORDER BY b.package_id",
             soci::into(package_id), soci::into(package_name), soci::into(units), soci::use(member));
        statement.execute();
        while (statement.fetch()) balances.push_back(balance_json(package_id, package_name, units));
    });
    return {{"balances", balances}};
}

nlohmann::json MemberStore::history(std::int64_t member_id, std::optional<std::int64_t> before_id,
                                    std::int64_t limit) const {
    nlohmann::json entries = nlohmann::json::array();
    // One row more than asked tells whether another page follows.
    const long long member = member_id, before = before_id.value_or(std::numeric_limits<long long>::max()),
                    fetch = limit + 1;
    database_.read([&](soci::session& session) {
        if (!select_member_by_id(session, member_id)) throw member_not_found(member_id);
        long long id = 0, at = 0, package_id = 0, change = 0, units_after = 0;
        std::string package_name, kind, actor, reason;
        NullableInteger session_id, sale_id;
        soci::statement statement =
            (session.prepare << "SELECT h.id, h.at, h.package_id, p.name, h.kind, h.change, h.units_after, h.actor, "
                                "h.reason, h.session_id, h.sale_id FROM balance_history h "
                                "JOIN packages p ON p.id = h.package_id "
                                "WHERE h.member_id = :member AND h.id < :before ORDER BY h.id DESC LIMIT :fetch",
             soci::into(id), soci::into(at), soci::into(package_id), soci::into(package_name), soci::into(kind),
             soci::into(change), soci::into(units_after), soci::into(actor), soci::into(reason),
             soci::into(session_id.value, session_id.indicator), soci::into(sale_id.value, sale_id.indicator),
             soci::use(member),
             soci::use(before), soci::use(fetch));
        statement.execute();
        auto id_or_null = [](const NullableInteger& column) {
            return column.get() ? nlohmann::json(column.value) : nlohmann::json(nullptr);
        };
        while (statement.fetch()) {
            entries.push_back({{"id", id},
                               {"at", format_iso8601_utc(at)},
                               {"package_id", package_id},
                               {"package", package_name},
                               {"kind", kind},
                               {"change", change},
                               {"units_after", units_after},
                               {"actor", actor},
                               {"reason", reason},
                               {"session_id", id_or_null(session_id)},
                               {"sale_id", id_or_null(sale_id)}});
        }
    });
    nlohmann::json next_before_id = nullptr;
    if (static_cast<long long>(entries.size()) == fetch) {
        entries.erase(entries.end() - 1);
        next_before_id = entries.back()["id"];
    }
    return {{"entries", entries}, {"next_before_id", next_before_id}};
}

nlohmann::json MemberStore::sell_package(std::int64_t member_id, const nlohmann::json& body, const std::string& actor) {
    auto purchase = member_input::purchase(body);
    get(member_id);  // 404 before anything else
    auto package = balance_package(packages_, purchase.package_id);
    if (!package.active) throw package_inactive(package);
    const auto at = now_ms();
    // Members pay the day price for a package, whatever the hour.
    Sale sale{.at = at,
              .business_day = calendar_.day_of(at),
              .kind = "package",
              .amount = purchase.amount.value_or(package.price * purchase.units),
              .operator_name = actor,
              .member_id = member_id,
              .package_id = package.id,
              .session_id = std::nullopt,
              .station_id = std::nullopt,
              .units = purchase.units};
    BalanceChange change{.member_id = member_id,
                         .package_id = package.id,
                         .kind = "bought",
                         .change = purchase.units,
                         .actor = actor,
                         .reason = "",
                         .session_id = std::nullopt,
                         .sale_id = std::nullopt,  // known once the sale is written
                         .at = at};
    std::int64_t sale_id = 0, units = 0;
    database_.write([&](soci::session& session) {
        sale_id = record_sale(session, sale);
        change.sale_id = sale_id;
        units = apply_balance_change(session, change);
    });
    spdlog::info("member {} bought {} unit(s) of package {} for {} (sale {}, by {})", member_id, purchase.units,
                 package.id, sale.amount, sale_id, actor);
    bus_.publish(sdk::topics::member_package_bought,
                 {{"member_id", member_id},
                  {"package_id", package.id},
                  {"units", purchase.units},
                  {"amount", sale.amount},
                  {"sale_id", sale_id},
                  {"actor", actor}},
                 "host");
    bus_.publish(sdk::topics::member_balance_changed, balance_changed_payload(change, units), "host");
    return {{"sale", sale_json(sale_id, sale)}, {"balance", balance_json(package.id, package.name, units)}};
}

nlohmann::json MemberStore::change_balance(std::int64_t member_id, const nlohmann::json& body, const std::string& actor) {
    auto correction = member_input::balance_correction(body);
    get(member_id);  // 404 before anything else
    auto package = balance_package(packages_, correction.package_id);
    // Units of a retired package can still be taken away, never added.
    if (correction.change > 0 && !package.active) throw package_inactive(package);
    BalanceChange change{.member_id = member_id,
                         .package_id = package.id,
                         .kind = correction.kind,
                         .change = correction.change,
                         .actor = actor,
                         .reason = correction.reason,
                         .session_id = std::nullopt,
                         .sale_id = std::nullopt,
                         .at = now_ms()};
    std::int64_t units = 0;
    database_.write([&](soci::session& session) { units = apply_balance_change(session, change); });
    spdlog::info("member {}: package {} balance {:+} ({}) by {}", member_id, package.id, change.change, change.kind, actor);
    bus_.publish(sdk::topics::member_balance_changed, balance_changed_payload(change, units), "host");
    return {{"balance", balance_json(package.id, package.name, units)}};
}

}  // namespace billing::host
