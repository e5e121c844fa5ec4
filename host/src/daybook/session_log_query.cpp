#include "daybook/session_log_query.hpp"

#include <soci/soci.h>

#include "core/clock.hpp"
#include "storage/database.hpp"
#include "storage/filtered_select.hpp"
#include "storage/nullable.hpp"

namespace billing::host {

namespace {

// The columns of one session_log row, bound to the statement as it fetches.
struct Row {
    long long id = 0, at = 0, session_id = 0, station_id = 0;
    NullableInteger member_id;
    std::string business_day, station_code, event, actor, details;

    nlohmann::json to_json() const {
        auto parsed = nlohmann::json::parse(details, nullptr, /*allow_exceptions=*/false);
        return {{"id", id},
                {"at", format_iso8601_utc(at)},
                {"business_day", business_day},
                {"session_id", session_id},
                {"station_id", station_id},
                {"station_code", station_code},
                {"member_id", member_id.get() ? nlohmann::json(*member_id.get()) : nlohmann::json(nullptr)},
                {"event", event},
                {"actor", actor},
                {"details", parsed.is_discarded() ? nlohmann::json(details) : parsed}};
    }
};

// The filter's values, alive while the statement uses them: SOCI binds by
// reference.
struct Bindings {
    long long before_id = 0, station_id = 0, member_id = 0, session_id = 0, fetch = 0;
    std::string day, actor;
};

}  // namespace

nlohmann::json query_session_log(Database& database, const SessionLogFilter& filter) {
    Bindings values{.before_id = filter.before_id,
                    .station_id = filter.station_id.value_or(0),
                    .member_id = filter.member_id.value_or(0),
                    .session_id = filter.session_id.value_or(0),
                    // One more row than asked for tells whether a page follows.
                    .fetch = filter.limit + 1,
                    .day = filter.day.value_or(""),
                    .actor = filter.actor.value_or("")};

    auto entries = nlohmann::json::array();
    bool more = false;
    database.read([&](soci::session& session) {
        FilteredSelect query(session,
                             "SELECT log.id, log.at, log.business_day, log.session_id, log.station_id, "
                             "COALESCE(stations.code, ''), log.member_id, log.event, log.actor, log.details "
                             "FROM session_log AS log LEFT JOIN stations ON stations.id = log.station_id WHERE 1 = 1");
        query.where(filter.before_id > 0, " AND log.id < :before_id", values.before_id);
        query.where(filter.day.has_value(), " AND log.business_day = :day", values.day);
        query.where(filter.station_id.has_value(), " AND log.station_id = :station_id", values.station_id);
        query.where(filter.member_id.has_value(), " AND log.member_id = :member_id", values.member_id);
        query.where(filter.actor.has_value(), " AND log.actor = :actor", values.actor);
        query.where(filter.session_id.has_value(), " AND log.session_id = :session_id", values.session_id);
        query.then(" ORDER BY log.id DESC LIMIT :fetch", values.fetch);

        // In the order of the SELECT list.
        Row row;
        query.into(row.id);
        query.into(row.at);
        query.into(row.business_day);
        query.into(row.session_id);
        query.into(row.station_id);
        query.into(row.station_code);
        query.into(row.member_id.value, row.member_id.indicator);
        query.into(row.event);
        query.into(row.actor);
        query.into(row.details);
        query.run();
        while (query.fetch()) {
            if (static_cast<std::int64_t>(entries.size()) == filter.limit) {
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
