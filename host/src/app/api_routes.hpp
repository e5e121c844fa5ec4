#pragma once
#include "core/poster.hpp"

namespace billing::host {

class AuditLog;
class AuthService;
class Database;
class DayBook;
class PluginManager;
class Router;
class SettingsStore;
struct RentalCore;

// The API routes served from the host's stores and services, their
// handlers posted through `workers`: auth, audit, settings, plugins, the
// rental core and the business days. The application adds the routes that
// need its own state (health, the route list, backup); the fuzz targets
// serve exactly these, so every route family added here is fuzzed too.
void register_api_routes(Router& router, const Poster& workers, AuthService& auth, AuditLog& audit,
                         SettingsStore& settings, PluginManager& plugins, RentalCore& rental, DayBook& day_book,
                         Database& database);

}  // namespace billing::host
