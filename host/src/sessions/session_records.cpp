#include "sessions/session_records.hpp"

#include <soci/soci.h>

#include "storage/nullable.hpp"

namespace billing::host::session_records {
namespace {

// One result row of kSelect, bound column by column.
struct Row {
    long long id = 0, station_id = 0, package_id = 0, started_at = 0, paused_ms = 0, amount = 0;
    std::string station_code, package_name, kind, payment, started_by, business_day;
    NullableInteger member_id, deadline_at, paused_at, warned_minutes, ended_at;
    NullableText member_name, end_reason, ended_by;

    void bind(soci::statement& statement) {
        statement.exchange(soci::into(id));
        statement.exchange(soci::into(station_id));
        statement.exchange(soci::into(station_code));
        statement.exchange(soci::into(member_id.value, member_id.indicator));
        statement.exchange(soci::into(member_name.value, member_name.indicator));
        statement.exchange(soci::into(package_id));
        statement.exchange(soci::into(package_name));
        statement.exchange(soci::into(kind));
        statement.exchange(soci::into(payment));
        statement.exchange(soci::into(started_by));
        statement.exchange(soci::into(business_day));
        statement.exchange(soci::into(started_at));
        statement.exchange(soci::into(deadline_at.value, deadline_at.indicator));
        statement.exchange(soci::into(paused_at.value, paused_at.indicator));
        statement.exchange(soci::into(paused_ms));
        statement.exchange(soci::into(warned_minutes.value, warned_minutes.indicator));
        statement.exchange(soci::into(ended_at.value, ended_at.indicator));
        statement.exchange(soci::into(end_reason.value, end_reason.indicator));
        statement.exchange(soci::into(ended_by.value, ended_by.indicator));
        statement.exchange(soci::into(amount));
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

// Runs a kSelect query whose parameters `bind_uses` adds, collecting rows.
template <typename BindUses>
std::vector<Session> select(soci::session& sql, const std::string& query, BindUses&& bind_uses) {
    Row row;
    soci::statement statement(sql);
    row.bind(statement);
    bind_uses(statement);
    statement.alloc();
    statement.prepare(query);
    statement.define_and_bind();
    statement.execute();
    std::vector<Session> sessions;
    while (statement.fetch()) sessions.push_back(row.to_session());
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
    sql << "SELECT last_insert_rowid()", soci::into(id);
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
    return select(sql, std::string(kSelect) + "WHERE s.ended_at IS NULL ORDER BY s.id", [](soci::statement&) {});
}

std::optional<Session> find(soci::session& sql, std::int64_t id) {
    long long wanted = id;
    auto found = select(sql, std::string(kSelect) + "WHERE s.id = :id",
                        [&](soci::statement& statement) { statement.exchange(soci::use(wanted)); });
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Session> list(soci::session& sql, const Filter& filter) {
    // Each filter adds a condition with its own bound value; the values live
    // in this frame until the statement has run.
    std::string conditions = "WHERE 1 = 1";
    std::string day = filter.business_day.value_or("");
    long long station_id = filter.station_id.value_or(0), member_id = filter.member_id.value_or(0),
              before_id = filter.before_id.value_or(0), limit = filter.limit;
    if (filter.business_day) conditions += " AND s.business_day = :day";
    if (filter.station_id) conditions += " AND s.station_id = :station_id";
    if (filter.member_id) conditions += " AND s.member_id = :member_id";
    if (filter.before_id) conditions += " AND s.id < :before_id";
    if (filter.ended_only) conditions += " AND s.ended_at IS NOT NULL";
    return select(sql, std::string(kSelect) + conditions + " ORDER BY s.id DESC LIMIT :limit",
                  [&](soci::statement& statement) {
                      if (filter.business_day) statement.exchange(soci::use(day));
                      if (filter.station_id) statement.exchange(soci::use(station_id));
                      if (filter.member_id) statement.exchange(soci::use(member_id));
                      if (filter.before_id) statement.exchange(soci::use(before_id));
                      statement.exchange(soci::use(limit));
                  });
}

void shift_live_instants(soci::session& sql, std::int64_t delta_ms) {
    long long delta = delta_ms;
    sql << "UPDATE sessions SET started_at = started_at + :d1, deadline_at = deadline_at + :d2, "
           "paused_at = paused_at + :d3 WHERE ended_at IS NULL",
        soci::use(delta), soci::use(delta), soci::use(delta);
}

}  // namespace billing::host::session_records
