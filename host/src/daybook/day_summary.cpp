#include "daybook/day_summary.hpp"

#include <soci/soci.h>

#include "core/clock.hpp"

namespace billing::host {

namespace {

// Sessions, minutes played and money per station. The day is bound once
// (SQLite gives a repeated placeholder name a single slot, SOCI binds by
// position). Sales without a station (package sales) are left out.
constexpr const char* by_station_sql = R"sql(
WITH target AS (SELECT :day AS day),
played AS (
    SELECT station_id, COUNT(*) AS sessions,
           SUM(CASE WHEN ended_at IS NULL THEN 0
                    ELSE MAX(0, (ended_at - started_at - paused_ms) / 60000) END) AS minutes
    FROM sessions WHERE business_day = (SELECT day FROM target) GROUP BY station_id),
paid AS (
    SELECT station_id, SUM(amount) AS revenue
    FROM sales WHERE business_day = (SELECT day FROM target) AND station_id IS NOT NULL GROUP BY station_id)
SELECT ids.station_id, COALESCE(stations.code, ''), COALESCE(played.sessions, 0), COALESCE(played.minutes, 0),
       COALESCE(paid.revenue, 0)
FROM (SELECT station_id FROM played UNION SELECT station_id FROM paid) AS ids
LEFT JOIN played ON played.station_id = ids.station_id
LEFT JOIN paid ON paid.station_id = ids.station_id
LEFT JOIN stations ON stations.id = ids.station_id
ORDER BY stations.code, ids.station_id
)sql";

nlohmann::json by_station(soci::session& session, const std::string& day) {
    long long station_id = 0, sessions = 0, minutes = 0, revenue = 0;
    std::string code;
    soci::statement statement = (session.prepare << by_station_sql, soci::into(station_id), soci::into(code),
                                 soci::into(sessions), soci::into(minutes), soci::into(revenue), soci::use(day));
    statement.execute();
    auto rows = nlohmann::json::array();
    while (statement.fetch()) {
        rows.push_back({{"station_id", station_id},
                        {"code", code},
                        {"sessions", sessions},
                        {"minutes", minutes},
                        {"revenue", revenue}});
    }
    return rows;
}

nlohmann::json by_operator(soci::session& session, const std::string& day) {
    long long sales = 0, revenue = 0;
    std::string operator_name;
    soci::statement statement =
        (session.prepare << "SELECT operator, COUNT(*), SUM(amount) FROM sales WHERE business_day = :day "
                            "GROUP BY operator ORDER BY operator",
         soci::into(operator_name), soci::into(sales), soci::into(revenue), soci::use(day));
    statement.execute();
    auto rows = nlohmann::json::array();
    while (statement.fetch()) rows.push_back({{"operator", operator_name}, {"sales", sales}, {"revenue", revenue}});
    return rows;
}

// Every session has a station, so the stations' counts add up to the day's;
// revenue does not, since package sales have no station.
long long total_of(const nlohmann::json& stations, const char* field) {
    long long total = 0;
    for (const auto& station : stations) total += station[field].get<long long>();
    return total;
}

nlohmann::json parsed_array(const std::string& text) {
    auto value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    return value.is_array() ? value : nlohmann::json::array();
}

}  // namespace

nlohmann::json compute_day_summary(soci::session& session, const std::string& day) {
    long long revenue = 0;
    session << "SELECT COALESCE(SUM(amount), 0) FROM sales WHERE business_day = :day", soci::into(revenue),
        soci::use(day);
    auto stations = by_station(session, day);
    return {{"day", day},
            {"closed", false},
            {"closed_at", nullptr},
            {"sessions", total_of(stations, "sessions")},
            {"minutes", total_of(stations, "minutes")},
            {"revenue", revenue},
            {"by_station", stations},
            {"by_operator", by_operator(session, day)}};
}

nlohmann::json stored_day_summary(soci::session& session, const std::string& day) {
    long long closed_at = 0, sessions = 0, minutes = 0, revenue = 0;
    std::string stations, operators;
    session << "SELECT closed_at, sessions, minutes, revenue, by_station, by_operator FROM business_days "
               "WHERE day = :day",
        soci::into(closed_at), soci::into(sessions), soci::into(minutes), soci::into(revenue), soci::into(stations),
        soci::into(operators), soci::use(day);
    if (!session.got_data()) return nullptr;
    return {{"day", day},
            {"closed", true},
            {"closed_at", format_iso8601_utc(closed_at)},
            {"sessions", sessions},
            {"minutes", minutes},
            {"revenue", revenue},
            {"by_station", parsed_array(stations)},
            {"by_operator", parsed_array(operators)}};
}

nlohmann::json store_day_summary(soci::session& session, const nlohmann::json& summary, long long closed_at_ms) {
    const auto day = summary["day"].get<std::string>();
    const auto sessions = summary["sessions"].get<long long>();
    const auto minutes = summary["minutes"].get<long long>();
    const auto revenue = summary["revenue"].get<long long>();
    const auto stations = summary["by_station"].dump();
    const auto operators = summary["by_operator"].dump();
    session << "INSERT INTO business_days (day, closed_at, sessions, minutes, revenue, by_station, by_operator) "
               "VALUES (:day, :closed_at, :sessions, :minutes, :revenue, :by_station, :by_operator) "
               "ON CONFLICT (day) DO UPDATE SET sessions = excluded.sessions, minutes = excluded.minutes, "
               "revenue = excluded.revenue, by_station = excluded.by_station, by_operator = excluded.by_operator",
        soci::use(day), soci::use(closed_at_ms), soci::use(sessions), soci::use(minutes), soci::use(revenue),
        soci::use(stations), soci::use(operators);
    return stored_day_summary(session, day);
}

}  // namespace billing::host
