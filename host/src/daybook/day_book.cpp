#include "daybook/day_book.hpp"

#include <algorithm>
#include <vector>

#include <billing/sdk/topics.hpp>
#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include "bus/event_bus.hpp"
#include "core/clock.hpp"
#include "daybook/day_summary.hpp"
#include "pricing/business_calendar.hpp"
#include "storage/database.hpp"

namespace billing::host {

namespace {

// Reads a one-column list of days, binding `values` in order. SOCI binds by
// position and SQLite gives a repeated name one slot, so each query binds
// its values once, in a CTE.
std::vector<std::string> select_days(soci::session& session, const char* sql, const std::vector<std::string>& values) {
    std::string day;
    soci::statement statement(session);
    statement.exchange(soci::into(day));
    for (const auto& value : values) statement.exchange(soci::use(value));
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    statement.execute(false);
    std::vector<std::string> days;
    while (statement.fetch()) days.push_back(day);
    return days;
}

// Days before :today with sessions or sales and no closed row, oldest first.
constexpr const char* unclosed_days_sql = R"sql(
WITH bounds AS (SELECT :today AS today)
SELECT business_day FROM sessions WHERE business_day < (SELECT today FROM bounds)
UNION SELECT business_day FROM sales WHERE business_day < (SELECT today FROM bounds)
EXCEPT SELECT day FROM business_days
ORDER BY 1
)sql";

// Days from :low to :high (inclusive) that are closed or have sessions or
// sales, newest first.
constexpr const char* days_in_range_sql = R"sql(
WITH bounds AS (SELECT :low AS low, :high AS high)
SELECT day FROM business_days, bounds WHERE day BETWEEN low AND high
UNION SELECT business_day FROM sessions, bounds WHERE business_day BETWEEN low AND high
UNION SELECT business_day FROM sales, bounds WHERE business_day BETWEEN low AND high
ORDER BY 1 DESC
)sql";

// Every day label sorts between these two.
const std::string earliest_day = "0000-00-00";
const std::string latest_day = "9999-99-99";

}  // namespace

DayBook::DayBook(Database& database, EventBus& bus, const BusinessCalendar& calendar)
    : database_(database), bus_(bus), calendar_(calendar) {}

nlohmann::json DayBook::close(const std::string& day) {
    nlohmann::json summary;
    database_.write([&](soci::session& session) {
        summary = store_day_summary(session, compute_day_summary(session, day), now_ms());
    });
    spdlog::info("business day {} closed: {} sessions, {} minutes, revenue {}", day, summary["sessions"].get<long long>(),
                 summary["minutes"].get<long long>(), summary["revenue"].get<long long>());
    bus_.publish(sdk::topics::day_closed, {{"day", day}, {"summary", summary}}, "host");
    return summary;
}

void DayBook::close_days_before(const std::string& today) {
    std::vector<std::string> days;
    database_.read([&](soci::session& session) { days = select_days(session, unclosed_days_sql, {today}); });
    for (const auto& day : days) {
        spdlog::info("business day {} was not closed (the host was down at its end): closing it now", day);
        close(day);
    }
}

void DayBook::refresh(const std::string& day) {
    // Most sessions end on a day still open, and a read tells so without
    // taking the write lock from the sessions. A day closed after this read
    // counts the session anyway: it committed before its event went out.
    bool closed = false;
    database_.read([&](soci::session& session) { closed = !stored_day_summary(session, day).is_null(); });
    if (!closed) return;

    nlohmann::json summary;
    // The check and the rewrite share a transaction, so a day is never
    // closed here by accident while another thread closes it.
    database_.write([&](soci::session& session) {
        if (stored_day_summary(session, day).is_null()) return;
        summary = store_day_summary(session, compute_day_summary(session, day), now_ms());
    });
    if (summary.is_null()) return;
    spdlog::info("business day {} summary rewritten: revenue {}", day, summary["revenue"].get<long long>());
    bus_.publish(sdk::topics::day_closed, {{"day", day}, {"summary", summary}}, "host");
}

nlohmann::json DayBook::summary(const std::string& day) const {
    nlohmann::json result;
    database_.read([&](soci::session& session) {
        result = stored_day_summary(session, day);
        if (result.is_null()) result = compute_day_summary(session, day);
    });
    return result;
}

nlohmann::json DayBook::list(const std::optional<std::string>& from, const std::optional<std::string>& to) const {
    const auto low = from.value_or(earliest_day);
    const auto high = to.value_or(latest_day);
    std::vector<std::string> days;
    database_.read([&](soci::session& session) { days = select_days(session, days_in_range_sql, {low, high}); });
    // The day in progress is listed even before its first sale.
    const auto today = calendar_.day_of(now_ms());
    if (today >= low && today <= high && std::find(days.begin(), days.end(), today) == days.end()) {
        days.push_back(today);
        std::sort(days.rbegin(), days.rend());
    }

    auto summaries = nlohmann::json::array();
    for (const auto& day : days) summaries.push_back(summary(day));
    return {{"days", summaries}};
}

}  // namespace billing::host
