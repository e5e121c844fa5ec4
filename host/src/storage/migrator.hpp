#pragma once
#include <string>
#include <vector>

#include <billing/sdk/storage.hpp>

#include "storage/database.hpp"

namespace billing::host {

// Versioned migrations per owner ("host" or a plugin id), recorded in the
// schema_migrations table. Each migration runs in its own write transaction
// together with the row that records it, so a crash never half-applies one.
class Migrator {
public:
    explicit Migrator(Database& database);
    void apply(const std::string& owner, const std::vector<sdk::Migration>& migrations);
    int current_version(const std::string& owner);

private:
    Database& database_;
};

// The host's own schema (users, audit, settings, plugin state).
const std::vector<sdk::Migration>& host_migrations();
// The newest host schema version this build knows; restore refuses newer.
int host_schema_version();

}  // namespace billing::host
