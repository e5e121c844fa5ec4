#pragma once
#include <filesystem>

namespace billing::host {

// Checks that `file` is a database this host can run on: an SQLite file
// that passes PRAGMA integrity_check, with a users table and a host schema
// (schema_migrations) no newer than this build's. Opens it read-only.
// Throws sdk::ApiError(400, "invalid_backup", <the reason>) otherwise.
void check_backup_file(const std::filesystem::path& file);

}  // namespace billing::host
