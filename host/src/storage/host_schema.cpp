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
        {2, "rental core: stations, packages, members, balances, sales, sessions, session log, business days", R"sql(
CREATE TABLE packages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    console_type TEXT NOT NULL CHECK (console_type IN ('PS3', 'PS4', 'PS5', 'other', 'any')),
    kind TEXT NOT NULL CHECK (kind IN ('fixed', 'open')),
    duration_minutes INTEGER,
    price INTEGER NOT NULL CHECK (price >= 0),
    night_price INTEGER CHECK (night_price >= 0),
    night_from TEXT,
    night_until TEXT,
    rounding_minutes INTEGER NOT NULL DEFAULT 1 CHECK (rounding_minutes >= 1),
    minimum_charge INTEGER NOT NULL DEFAULT 0 CHECK (minimum_charge >= 0),
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK (kind = 'open' OR duration_minutes >= 1)
);
CREATE TABLE stations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL DEFAULT '',
    console_type TEXT NOT NULL CHECK (console_type IN ('PS3', 'PS4', 'PS5', 'other')),
    tariff_package_id INTEGER REFERENCES packages (id),
    ip_address TEXT UNIQUE,
    enabled INTEGER NOT NULL DEFAULT 1,
    maintenance INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE members (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    phone TEXT NOT NULL UNIQUE,
    notes TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX members_name ON members (name COLLATE NOCASE);
CREATE TABLE member_balances (
    member_id INTEGER NOT NULL REFERENCES members (id),
    package_id INTEGER NOT NULL REFERENCES packages (id),
    units INTEGER NOT NULL CHECK (units >= 0),
    PRIMARY KEY (member_id, package_id)
);
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    station_id INTEGER NOT NULL REFERENCES stations (id),
    member_id INTEGER REFERENCES members (id),
    package_id INTEGER NOT NULL REFERENCES packages (id),
    kind TEXT NOT NULL CHECK (kind IN ('fixed', 'open')),
    payment TEXT NOT NULL CHECK (payment IN ('cash', 'balance')),
    started_by TEXT NOT NULL,
    business_day TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    deadline_at INTEGER,
    paused_at INTEGER,
    paused_ms INTEGER NOT NULL DEFAULT 0,
    warned_minutes INTEGER,
    ended_at INTEGER,
    end_reason TEXT,
    ended_by TEXT,
    amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0)
);
CREATE UNIQUE INDEX sessions_one_live_per_station ON sessions (station_id) WHERE ended_at IS NULL;
CREATE INDEX sessions_live ON sessions (ended_at) WHERE ended_at IS NULL;
CREATE INDEX sessions_business_day ON sessions (business_day);
CREATE INDEX sessions_member ON sessions (member_id);
CREATE TABLE sales (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    business_day TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('package', 'session', 'extension')),
    amount INTEGER NOT NULL CHECK (amount >= 0),
    operator TEXT NOT NULL,
    member_id INTEGER REFERENCES members (id),
    package_id INTEGER REFERENCES packages (id),
    session_id INTEGER REFERENCES sessions (id),
    station_id INTEGER REFERENCES stations (id),
    units INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX sales_business_day ON sales (business_day);
CREATE INDEX sales_session ON sales (session_id);
CREATE TABLE balance_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    member_id INTEGER NOT NULL REFERENCES members (id),
    package_id INTEGER NOT NULL REFERENCES packages (id),
    kind TEXT NOT NULL CHECK (kind IN ('granted', 'bought', 'used', 'refunded', 'adjusted')),
    change INTEGER NOT NULL,
    units_after INTEGER NOT NULL CHECK (units_after >= 0),
    actor TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    session_id INTEGER REFERENCES sessions (id),
    sale_id INTEGER REFERENCES sales (id)
);
CREATE INDEX balance_history_member ON balance_history (member_id, id);
CREATE TABLE session_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    business_day TEXT NOT NULL,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    station_id INTEGER NOT NULL REFERENCES stations (id),
    member_id INTEGER REFERENCES members (id),
    event TEXT NOT NULL,
    actor TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX session_log_day ON session_log (business_day, id);
CREATE INDEX session_log_station ON session_log (station_id, id);
CREATE INDEX session_log_member ON session_log (member_id, id);
CREATE INDEX session_log_actor ON session_log (actor, id);
CREATE TABLE business_days (
    day TEXT PRIMARY KEY,
    closed_at INTEGER NOT NULL,
    sessions INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    revenue INTEGER NOT NULL,
    by_station TEXT NOT NULL DEFAULT '[]',
    by_operator TEXT NOT NULL DEFAULT '[]'
)
)sql"},
    };
    return migrations;
}

int host_schema_version() { return host_migrations().back().version; }

}  // namespace billing::host
