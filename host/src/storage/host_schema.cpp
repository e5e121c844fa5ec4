#include "storage/migrator.hpp"

namespace billing::host {

// The host's schema. Instants are INTEGER Unix milliseconds (UTC); JSON
// values are TEXT. Never edit a migration that has shipped: add one.
const std::vector<sdk::Migration>& host_migrations() {
    static const std::vector<sdk::Migration> migrations = {
        {1, "users, audit trail, settings, plugin state", R"sql(
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'operator')),
    permissions TEXT NOT NULL DEFAULT '[]',
    disabled INTEGER NOT NULL DEFAULT 0,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    token_version INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT '',
    path TEXT NOT NULL DEFAULT '',
    status INTEGER NOT NULL DEFAULT 0,
    remote_address TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor_at ON audit_log (actor, at);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE plugin_state (
    id TEXT PRIMARY KEY,
    enabled INTEGER NOT NULL,
    config TEXT NOT NULL DEFAULT '{}',
    updated_at INTEGER NOT NULL
)
)sql"},
    };
    return migrations;
}

int host_schema_version() { return host_migrations().back().version; }

}  // namespace billing::host
