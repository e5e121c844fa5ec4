#pragma once
#include <string>

#include <billing/sdk/storage.hpp>
#include <nlohmann/json.hpp>

namespace soci {
class session;
}

namespace billing::host {

// query_rows() for SQLite sessions. SOCI types SQLite result columns by
// their declared type, so an expression (COUNT(*), SUM(x), CAST(...)) has
// none and comes back as text; SQLite itself knows each value's type, so
// rows are read through its API instead. Errors are soci::soci_error, like
// SOCI's own, so Database reports them the same way.
nlohmann::json sqlite_query_rows(soci::session& session, const std::string& sql, const sdk::SqlParams& params);

}  // namespace billing::host
