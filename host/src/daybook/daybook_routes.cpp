#include "daybook/daybook_routes.hpp"

namespace billing::host {

void register_daybook_routes(Router&, const Poster&, DayBook&, Database&) {}

}  // namespace billing::host
