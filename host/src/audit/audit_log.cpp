#include "audit/audit_log.hpp"

#include <soci/soci.h>


#include "core/clock.hpp"
#include "storage/filtered_select.hpp"

namespace billing::host {

namespace {

// The columns of one audit_log row, bound to a statement as it is fetched.
struct Row {
    long long id = 0, at = 0, status = 0;
    std::string actor, action, target, method, path, remote_address, details;

    nlohmann::json to_json() const {
        auto parsed = nlohmann::json::parse(details, nullptr, /*allow_exceptions=*/false);
        return {{"id", id},
                {"at", format_iso8601_utc(at)},
                {"actor", actor},
                {"action", action},
                {"target", target},
                {"method", method},
                {"path", path},
                {"status", status},
                {"remote_address", remote_address},
                {"details", parsed.is_discarded() ? nlohmann::json(details) : parsed}};
    }
};

// The query's filter values, kept alive while the statement uses them: SOCI
// binds by reference.
struct Bindings {
    long long before_id = 0, from_ms = 0, to_ms = 0, status = 0, limit = 0;
    std::string actor, action, target;
};

}  // namespace

AuditLog::AuditLog(Database& database) : database_(database) {}

void AuditLog::record(const AuditRecord& record) {
    database_.write_unsynced([&](soci::session& session) { insert(session, record); });
}

void AuditLog::insert(soci::session& session, const AuditRecord& record) {
    long long at = record.at_ms;
    long long status = record.status;
    const auto details = (record.details.is_null() ? nlohmann::json::object() : record.details).dump();
    session << "INSERT INTO audit_log (at, actor, action, target, method, path, status, remote_address, details) "
               "VALUES (:at, :actor, :action, :target, :method, :path, :status, :remote_address, :details)",
        soci::use(at), soci::use(record.actor), soci::use(record.action), soci::use(record.target),
        soci::use(record.method), soci::use(record.path), soci::use(status), soci::use(record.remote_address),
        soci::use(details);
}

nlohmann::json AuditLog::query(const AuditFilter& filter) {
    // Values are copied first: SOCI binds them by reference until the
    // statement is done.
    Bindings values{.before_id = filter.before_id,
                    .from_ms = filter.from_ms.value_or(0),
                    .to_ms = filter.to_ms.value_or(0),
                    .status = filter.status.value_or(0),
                    // One more row than asked for tells whether a page follows.
                    .limit = filter.limit + 1,
                    .actor = filter.actor.value_or(""),
                    .action = filter.action.value_or(""),
                    .target = filter.target.value_or("")};

    nlohmann::json entries = nlohmann::json::array();
    bool more = false;
    database_.read([&](soci::session& session) {
        FilteredSelect select(session,
                             "SELECT id, at, actor, action, target, method, path, status, remote_address, details "
                             "FROM audit_log WHERE 1 = 1");
        select.where(filter.before_id > 0, " AND id < :before_id", values.before_id);
        select.where(filter.from_ms.has_value(), " AND at >= :from_ms", values.from_ms);
        select.where(filter.to_ms.has_value(), " AND at <= :to_ms", values.to_ms);
        select.where(filter.actor.has_value(), " AND actor = :actor", values.actor);
        select.where(filter.action.has_value(), " AND action = :action", values.action);
        select.where(filter.target.has_value(), " AND target = :target", values.target);
        select.where(filter.status.has_value(), " AND status = :status", values.status);
        select.then(" ORDER BY id DESC LIMIT :limit", values.limit);

        // In the order of the SELECT list.
        Row row;
        select.into(row.id);
        select.into(row.at);
        select.into(row.actor);
        select.into(row.action);
        select.into(row.target);
        select.into(row.method);
        select.into(row.path);
        select.into(row.status);
        select.into(row.remote_address);
        select.into(row.details);
        select.run();
        while (select.fetch()) {
            if (static_cast<long long>(entries.size()) == filter.limit) {
                more = true;
                break;
            }
            entries.push_back(row.to_json());
        }
    });
    auto next_before_id = more ? entries.back()["id"] : nlohmann::json(nullptr);
    return {{"entries", entries}, {"next_before_id", next_before_id}};
}

}  // namespace billing::host
