#pragma once
#include "core/poster.hpp"

namespace billing::host {

class Router;
class DayBook;
class Database;

// GET /api/v1/business-days, /api/v1/business-days/{day} and
// /api/v1/session-log (filters: day, station, member, operator, before_id,
// limit).
void register_daybook_routes(Router& router, const Poster& workers, DayBook& book, Database& database);

}  // namespace billing::host
