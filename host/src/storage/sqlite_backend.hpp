#pragma once
#include <filesystem>
#include <memory>

namespace soci {
class session;
}

// Everything the storage module does that only SQLite needs. Database and
// Migrator otherwise speak plain SOCI, so a PostgreSQL backend replaces
// this file rather than edits spread through the module.
namespace billing::host::sqlite_backend {

// Opens a session on `file` and sets it up: busy_timeout first (so the
// statements after it wait for a lock instead of failing), then WAL,
// foreign_keys=ON, and synchronous=NORMAL in WAL mode: a commit does not
// flush the log, the Database does that after it (group commit). Without
// WAL, synchronous=FULL: commits flush themselves. SOCI 4.0.3's own
// `timeout` option is applied after its `synchronous` option, which can
// therefore fail on a busy database; that is why neither is passed in the
// connection string.
std::unique_ptr<soci::session> open_session(const std::filesystem::path& file, int busy_timeout_ms);

// Starts a write transaction that takes the write lock at once. SOCI's
// begin() issues a deferred BEGIN, whose later upgrade to a writer can fail
// with SQLITE_BUSY half way through the work.
inline constexpr const char* begin_write_transaction = "BEGIN IMMEDIATE";

// Folds the write-ahead log into the main file, so the main file alone holds
// every committed transaction.
void checkpoint(soci::session& session);

// Copies the database behind `session` into the new file `destination` with
// the online backup API (a consistent snapshot while others keep writing).
// The copy uses a rollback journal, so it is one self-contained file.
void copy_database(soci::session& session, const std::filesystem::path& destination);

// The write-ahead log next to a database file; it holds committed data that
// the main file does not yet have while any connection is open.
std::filesystem::path write_ahead_log_of(const std::filesystem::path& file);

// Deletes a database file that no connection has open, with the journal,
// log and shared-memory files SQLite may have left beside it (a read-only
// connection to a WAL database leaves its -wal and -shm behind).
void remove_database_files(const std::filesystem::path& file);

}  // namespace billing::host::sqlite_backend
