#include "app/api_routes.hpp"

#include "audit/audit_routes.hpp"
#include "auth/auth_routes.hpp"
#include "catalog/catalog_routes.hpp"
#include "daybook/daybook_routes.hpp"
#include "members/member_routes.hpp"
#include "plugins/plugin_routes.hpp"
#include "sessions/rental_core.hpp"
#include "sessions/session_routes.hpp"
#include "settings/settings_routes.hpp"

namespace billing::host {

void register_api_routes(Router& router, const Poster& workers, AuthService& auth, AuditLog& audit,
                         SettingsStore& settings, PluginManager& plugins, RentalCore& rental, DayBook& day_book,
                         Database& database) {
    register_auth_routes(router, workers, auth);
    register_audit_routes(router, workers, audit);
    register_settings_routes(router, workers, settings);
    register_plugin_routes(router, workers, plugins);
    register_catalog_routes(router, workers, rental.stations, rental.packages);
    register_member_routes(router, workers, rental.members, database);
    register_session_routes(router, workers, rental.sessions, rental.board);
    register_daybook_routes(router, workers, day_book, database);
}

}  // namespace billing::host
