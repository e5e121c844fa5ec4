#include "storage/sqlite_backend.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <string>

#include "storage/database.hpp"

namespace billing::host::sqlite_backend {

namespace {

// SOCI's connection string: the file name quoted, since it may hold spaces.
std::string connection_string(const std::filesystem::path& file) { return "db=\"" + file.string() + "\""; }

sqlite_api::sqlite3* raw_connection(soci::session& session) {
    // libsoci_sqlite3 exports no type information, so no dynamic_cast: the
    // backend's name tells its type.
    if (session.get_backend_name() != "sqlite3") throw DatabaseError("the database session is not an SQLite session");
    return static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
}

// Closes a connection opened with the C API when leaving scope.
struct ConnectionCloser {
    void operator()(sqlite_api::sqlite3* connection) const { sqlite_api::sqlite3_close(connection); }
};
using Connection = std::unique_ptr<sqlite_api::sqlite3, ConnectionCloser>;

}  // namespace

std::unique_ptr<soci::session> open_session(const std::filesystem::path& file, int busy_timeout_ms) {
    auto session = std::make_unique<soci::session>(soci::sqlite3, connection_string(file));
    *session << "PRAGMA busy_timeout = " << busy_timeout_ms;
    std::string journal_mode;
    *session << "PRAGMA journal_mode = WAL", soci::into(journal_mode);
    if (journal_mode != "wal")
        spdlog::warn("database {}: journal mode is '{}', not WAL (file system without shared memory?)",
                     file.string(), journal_mode);
    *session << "PRAGMA foreign_keys = ON";
    *session << (journal_mode == "wal" ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL");
    return session;
}

void checkpoint(soci::session& session) { session << "PRAGMA wal_checkpoint(TRUNCATE)"; }

void copy_database(soci::session& session, const std::filesystem::path& destination) {
    sqlite_api::sqlite3* opened = nullptr;
    int result = sqlite_api::sqlite3_open_v2(destination.c_str(), &opened,
                                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Connection target(opened);
    auto failure = [&](const char* step) {
        return DatabaseError(std::string("backup to ") + destination.string() + " failed at " + step + ": " +
                             (target ? sqlite_api::sqlite3_errmsg(target.get()) : "out of memory"));
    };
    if (result != SQLITE_OK) throw failure("open");

    auto* backup = sqlite_api::sqlite3_backup_init(target.get(), "main", raw_connection(session), "main");
    if (backup == nullptr) throw failure("start");
    // One step copies every page under a single read transaction: a
    // consistent snapshot. A writer checkpointing at that very moment can
    // make it report BUSY, after which the step may simply be retried.
    const int max_attempts = 100;
    int attempts = 0;
    do {
        result = sqlite_api::sqlite3_backup_step(backup, -1);
        if (result == SQLITE_BUSY || result == SQLITE_LOCKED) sqlite_api::sqlite3_sleep(20);
    } while ((result == SQLITE_BUSY || result == SQLITE_LOCKED) && ++attempts < max_attempts);
    sqlite_api::sqlite3_backup_finish(backup);
    if (result != SQLITE_DONE) throw failure("copy");

    if (sqlite_api::sqlite3_exec(target.get(), "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr) != SQLITE_OK)
        throw failure("switching the copy to a rollback journal");
    if (sqlite_api::sqlite3_close(target.release()) != SQLITE_OK)
        throw DatabaseError("backup to " + destination.string() + " failed at close");
}

std::filesystem::path write_ahead_log_of(const std::filesystem::path& file) {
    return std::filesystem::path(file.string() + "-wal");
}

void remove_database_files(const std::filesystem::path& file) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(file.string() + suffix, ignored);
}

}  // namespace billing::host::sqlite_backend
