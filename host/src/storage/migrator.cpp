#include "storage/migrator.hpp"

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <stdexcept>

#include "core/clock.hpp"
#include "storage/sql_script.hpp"

namespace billing::host {

namespace {

void create_table_if_missing(soci::session& session) {
    session << "CREATE TABLE IF NOT EXISTS schema_migrations ("
               "owner TEXT NOT NULL, "
               "version INTEGER NOT NULL, "
               "description TEXT NOT NULL, "
               "applied_at INTEGER NOT NULL, "
               "PRIMARY KEY (owner, version))";
}

long long recorded_version(soci::session& session, const std::string& owner) {
    long long version = 0;
    session << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE owner = :owner",
        soci::into(version), soci::use(owner);
    return version;
}

// Versions must start at 1 and grow, so "the newest version applied" is
// enough to know which migrations are still to run.
void check_versions(const std::string& owner, const std::vector<sdk::Migration>& migrations) {
    int previous = 0;
    for (const auto& migration : migrations) {
        if (migration.version <= previous || (previous == 0 && migration.version != 1))
            throw std::invalid_argument("migrations of " + owner + ": version " + std::to_string(migration.version) +
                                        " after version " + std::to_string(previous) +
                                        "; versions must increase strictly, starting at 1");
        previous = migration.version;
    }
}

void run_migration(soci::session& session, const std::string& owner, const sdk::Migration& migration) {
    auto statements = split_sql_script(migration.sql);
    for (std::size_t i = 0; i < statements.size(); ++i) {
        try {
            session << statements[i];
        } catch (const soci::soci_error& error) {
            throw DatabaseError("migration " + std::to_string(migration.version) + " (" + migration.description +
                                ") of " + owner + " failed at statement " + std::to_string(i + 1) + ": " +
                                error.what());
        }
    }
    long long version = migration.version;
    long long applied_at = now_ms();
    session << "INSERT INTO schema_migrations (owner, version, description, applied_at) "
               "VALUES (:owner, :version, :description, :applied_at)",
        soci::use(owner), soci::use(version), soci::use(migration.description), soci::use(applied_at);
}

}  // namespace

Migrator::Migrator(Database& database) : database_(database) {}

void Migrator::apply(const std::string& owner, const std::vector<sdk::Migration>& migrations) {
    check_versions(owner, migrations);
    const int known = migrations.empty() ? 0 : migrations.back().version;
    const int current = current_version(owner);
    if (current > known)
        throw std::runtime_error("database schema of " + owner + " is version " + std::to_string(current) +
                                 ", this build knows up to " + std::to_string(known));

    for (const auto& migration : migrations) {
        if (migration.version <= current) continue;
        bool applied = false;
        database_.write([&](soci::session& session) {
            // Checked again under the write lock: another process may have
            // applied it since current_version() looked.
            if (recorded_version(session, owner) >= migration.version) return;
            run_migration(session, owner, migration);
            applied = true;
        });
        if (applied) spdlog::info("database: applied migration {} of {}: {}", migration.version, owner,
                                  migration.description);
    }
}

int Migrator::current_version(const std::string& owner) {
    long long version = 0;
    database_.write([&](soci::session& session) {
        create_table_if_missing(session);
        version = recorded_version(session, owner);
    });
    return static_cast<int>(version);
}

}  // namespace billing::host
