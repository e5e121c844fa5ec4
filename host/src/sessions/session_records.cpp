#include "sessions/session_records.hpp"

#include <soci/soci.h>

#include "storage/database.hpp"
#include "storage/filtered_select.hpp"
#include "storage/nullable.hpp"

namespace billing::host::session_records {
namespace {

// One result row of kSelect, bound column by column.
struct Row {
    long long id = 0, station_id = 0, package_id = 0, started_at = 0, paused_ms = 0, amount = 0;
    std::string station_code, package_name, kind, payment, started_by, business_day;
    NullableInteger member_id, deadline_at, paused_at, warned_minutes, ended_at;
    NullableText member_name, end_reason, ended_by;

    void bind(FilteredSelect& query) {
        query.into(id);
        query.into(station_id);
        query.into(station_code);
        query.into(member_id.value, member_id.indicator);
        query.into(member_name.value, member_name.indicator);
        query.into(package_id);
        query.into(package_name);
        query.into(kind);
        query.into(payment);
        query.into(started_by);
        query.into(business_day);
        query.into(started_at);
        query.into(deadline_at.value, deadline_at.indicator);
        query.into(paused_at.value, paused_at.indicator);
        query.into(paused_ms);
        query.into(warned_minutes.value, warned_minutes.indicator);
        query.into(ended_at.value, ended_at.indicator);
        query.into(end_reason.value, end_reason.indicator);
        query.into(ended_by.value, ended_by.indicator);
        query.into(amount);
    }

    Session to_session() const {
        Session s;
        s.id = id;
        s.station_id = station_id;
        s.station_code = station_code;
        s.member_id = member_id.get();
        s.member_name = member_name.get();
        s.package_id = package_id;
        s.package_name = package_name;
        s.kind = kind;
        s.payment = payment;
        s.started_by = started_by;
        s.business_day = business_day;
        s.started_at = started_at;
        s.deadline_at = deadline_at.get();
        s.paused_at = paused_at.get();
        s.paused_ms = paused_ms;
        s.warned_minutes = warned_minutes.get();
        s.ended_at = ended_at.get();
        s.end_reason = end_reason.get();
        s.ended_by = ended_by.get();
        s.amount = amount;
        return s;
    }
};

constexpr const char* kSelect =
    "SELECT s.id, s.station_id, st.code, s.member_id, m.name, s.package_id, p.name, s.kind, s.payment, "
    "s.started_by, s.business_day, s.started_at, s.deadline_at, s.paused_at, s.paused_ms, s.warned_minutes, "
    "s.ended_at, s.end_reason, s.ended_by, s.amount "
    "FROM sessions s JOIN stations st ON st.id = s.station_id JOIN packages p ON p.id = s.package_id "
    "LEFT JOIN members m ON m.id = s.member_id ";

// The sessions of a kSelect query built by `filter`, which adds the
// conditions and binds their values.
template <typename Filter>
std::vector<Session> select(soci::session& sql, Filter&& filter) {
    FilteredSelect query(sql, std::string(kSelect) + "WHERE 1 = 1");
    filter(query);
    Row row;
    row.bind(query);
    query.run();
    std::vector<Session> sessions;
    while (query.fetch()) sessions.push_back(row.to_session());
    return sessions;
}

}  // namespace

std::int64_t insert(soci::session& sql, const Session& s) {
    NullableInteger member_id(s.member_id), deadline_at(s.deadline_at);
    long long station_id = s.station_id, package_id = s.package_id, started_at = s.started_at,
                    amount = s.amount;
    sql << "INSERT INTO sessions (station_id, member_id, package_id, kind, payment, started_by, business_day, "
           "started_at, deadline_at, amount) VALUES (:station_id, :member_id, :package_id, :kind, :payment, "
           ":started_by, :business_day, :started_at, :deadline_at, :amount)",
        soci::use(station_id), soci::use(member_id.value, member_id.indicator), soci::use(package_id),
        soci::use(s.kind), soci::use(s.payment), soci::use(s.started_by), soci::use(s.business_day),
        soci::use(started_at), soci::use(deadline_at.value, deadline_at.indicator), soci::use(amount);
    long long id = 0;
    if (!sql.get_last_insert_id("sessions", id))
        throw DatabaseError("sessions: the id of the new session on station " + s.station_code + " is unknown");
    return id;
}

void update(soci::session& sql, const Session& s) {
    NullableInteger deadline_at(s.deadline_at), paused_at(s.paused_at), warned(s.warned_minutes),
        ended_at(s.ended_at);
    NullableText end_reason(s.end_reason), ended_by(s.ended_by);
    long long station_id = s.station_id, paused_ms = s.paused_ms, amount = s.amount, id = s.id;
    sql << "UPDATE sessions SET station_id = :station_id, deadline_at = :deadline_at, paused_at = :paused_at, "
           "paused_ms = :paused_ms, warned_minutes = :warned, ended_at = :ended_at, end_reason = :end_reason, "
           "ended_by = :ended_by, amount = :amount WHERE id = :id",
        soci::use(station_id), soci::use(deadline_at.value, deadline_at.indicator),
        soci::use(paused_at.value, paused_at.indicator), soci::use(paused_ms),
        soci::use(warned.value, warned.indicator), soci::use(ended_at.value, ended_at.indicator),
        soci::use(end_reason.value, end_reason.indicator), soci::use(ended_by.value, ended_by.indicator),
        soci::use(amount), soci::use(id);
}

void append_log(soci::session& sql, const LogEntry& entry) {
    NullableInteger member_id(entry.member_id);
    long long at = entry.at, session_id = entry.session_id, station_id = entry.station_id;
    const auto details = entry.details.dump();
    sql << "INSERT INTO session_log (at, business_day, session_id, station_id, member_id, event, actor, details) "
           "VALUES (:at, :day, :session_id, :station_id, :member_id, :event, :actor, :details)",
        soci::use(at), soci::use(entry.business_day), soci::use(session_id), soci::use(station_id),
        soci::use(member_id.value, member_id.indicator), soci::use(entry.event), soci::use(entry.actor),
        soci::use(details);
}

std::vector<Session> load_live(soci::session& sql) {
    return select(sql, [](FilteredSelect& query) { query.then(" AND s.ended_at IS NULL ORDER BY s.id"); });
}

std::optional<Session> find(soci::session& sql, std::int64_t id) {
    long long wanted = id;
    auto found = select(sql, [&](FilteredSelect& query) { query.then(" AND s.id = :id", wanted); });
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Session> list(soci::session& sql, const Filter& filter) {
    // The values live in this frame until the statement has run.
    std::string day = filter.business_day.value_or("");
    long long station_id = filter.station_id.value_or(0), member_id = filter.member_id.value_or(0),
              before_id = filter.before_id.value_or(0), limit = filter.limit;
    return select(sql, [&](FilteredSelect& query) {
        query.where(filter.business_day.has_value(), " AND s.business_day = :day", day);
        query.where(filter.station_id.has_value(), " AND s.station_id = :station_id", station_id);
        query.where(filter.member_id.has_value(), " AND s.member_id = :member_id", member_id);
        query.where(filter.before_id.has_value(), " AND s.id < :before_id", before_id);
        query.where(filter.ended_only, " AND s.ended_at IS NOT NULL");
        query.then(" ORDER BY s.id DESC LIMIT :limit", limit);
    });
}

void shift_live_instants(soci::session& sql, std::int64_t delta_ms) {
    long long delta = delta_ms;
    sql << "UPDATE sessions SET started_at = started_at + :d1, deadline_at = deadline_at + :d2, "
           "paused_at = paused_at + :d3 WHERE ended_at IS NULL",
        soci::use(delta), soci::use(delta), soci::use(delta);
}

}  // namespace billing::host::session_records
