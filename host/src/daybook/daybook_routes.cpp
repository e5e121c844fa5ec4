#include "daybook/daybook_routes.hpp"

#include <optional>

#include "api/query_parameters.hpp"
#include "api/router.hpp"
#include "daybook/day_book.hpp"
#include "daybook/session_log_filter.hpp"
#include "daybook/session_log_query.hpp"

namespace billing::host {

namespace {

// The {day} of the path: a day that does not exist is a bad address of its
// own kind (400 invalid_day), not a bad filter.
std::string path_day(const sdk::HttpRequest& request) {
    try {
        return *query_parameters::date(request.path_params, "day");
    } catch (const sdk::ApiError& error) {
        throw sdk::ApiError(400, "invalid_day", error.what());
    }
}

}  // namespace

void register_daybook_routes(Router& router, const Poster& workers, DayBook& book, Database& database) {
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/business-days",
                     .access = sdk::Access::permitted("sales.view"),
                     .action = "business_days.view",
                     .handler =
                         [&book](const sdk::HttpRequest& request) {
                             auto from = query_parameters::date(request.query, "from");
                             auto to = query_parameters::date(request.query, "to");
                             if (from && to && *from > *to)
                                 throw sdk::ApiError(400, "invalid_parameter", "from must be no later than to");
                             return sdk::HttpResponse::ok(book.list(from, to));
                         },
                     .poster = workers});
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/business-days/{day}",
                     .access = sdk::Access::permitted("sales.view"),
                     .action = "business_days.view",
                     .handler =
                         [&book](const sdk::HttpRequest& request) {
                             return sdk::HttpResponse::ok(book.summary(path_day(request)));
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
