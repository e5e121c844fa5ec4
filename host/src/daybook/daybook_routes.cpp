#include "daybook/daybook_routes.hpp"

#include <optional>

#include "api/router.hpp"
#include "daybook/day_book.hpp"
#include "daybook/session_log_filter.hpp"
#include "daybook/session_log_query.hpp"
#include "pricing/day_label.hpp"

namespace billing::host {

namespace {

// A day from the path or the query; 400 invalid_day naming where it came
// from when it is not a date that exists.
std::string checked_day(const std::string& text, const std::string& name) {
    if (!is_day_label(text))
        throw sdk::ApiError(400, "invalid_day", name + " must be a date YYYY-MM-DD that exists, not \"" + text + "\"");
    return text;
}

std::optional<std::string> optional_day(const std::map<std::string, std::string>& query, const std::string& name) {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return checked_day(it->second, name);
}

}  // namespace

void register_daybook_routes(Router& router, const Poster& workers, DayBook& book, Database& database) {
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/business-days",
                     .access = sdk::Access::permitted("sales.view"),
                     .action = "business_days.view",
                     .handler =
                         [&book](const sdk::HttpRequest& request) {
                             auto from = optional_day(request.query, "from");
                             auto to = optional_day(request.query, "to");
                             if (from && to && *from > *to)
                                 throw sdk::ApiError(400, "invalid_day", "from must be no later than to");
                             return sdk::HttpResponse::ok(book.list(from, to));
                         },
                     .poster = workers});
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/business-days/{day}",
                     .access = sdk::Access::permitted("sales.view"),
                     .action = "business_days.view",
                     .handler =
                         [&book](const sdk::HttpRequest& request) {
                             return sdk::HttpResponse::ok(book.summary(checked_day(request.path_params.at("day"), "day")));
                         },
                     .poster = workers});
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/session-log",
                     .access = sdk::Access::permitted("sessions.view"),
                     .action = "session_log.view",
                     .handler =
                         [&database](const sdk::HttpRequest& request) {
                             return sdk::HttpResponse::ok(
                                 query_session_log(database, parse_session_log_filter(request.query)));
                         },
                     .poster = workers});
}

}  // namespace billing::host
