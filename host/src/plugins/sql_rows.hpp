#pragma once
#include <string>

#include <billing/sdk/storage.hpp>
#include <nlohmann/json.hpp>

namespace soci {
class session;
}

namespace billing::host {

// Runs `sql` with `params` bound by position and returns the rows as an
// array of objects keyed by column name (integers as numbers, text as
// strings, NULL as null).
nlohmann::json query_rows(soci::session& session, const std::string& sql, const sdk::SqlParams& params);

// Runs `sql` with `params` bound by position; returns the rows it changed.
long long execute_statement(soci::session& session, const std::string& sql, const sdk::SqlParams& params);

}  // namespace billing::host
