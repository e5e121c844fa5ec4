#pragma once
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace soci {
class session;
}

namespace billing::host {

// A database call failed (disk full, file read-only, corrupt, locked too
// long). The API answers 503 with the message; nothing half-written stays.
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct DatabaseOptions {
    std::filesystem::path file;
    int busy_timeout_ms = 5000;
    std::size_t pool_size = 4;
};

class LogFlush;

// While one is alive on a thread, Database::write() calls on that thread
// commit without waiting for the disk; then() runs a callback once what they
// wrote is on it. The API dispatcher keeps one around each request: its
// worker goes on with the next request while the log is flushed, and the
// requests of that moment share one flush (group commit).
class DeferredDurability {
public:
    DeferredDurability();
    // Waits for the disk itself if then() was not called.
    ~DeferredDurability();
    DeferredDurability(const DeferredDurability&) = delete;
    DeferredDurability& operator=(const DeferredDurability&) = delete;

    // Ends the deferring. `done` gets null once the writes are on the disk
    // (at once if there were none), or the error of the flush that failed.
    void then(std::function<void(std::exception_ptr)> done);

private:
    friend class Database;
    DeferredDurability* outer_;
    bool active_ = true;
    LogFlush* log_ = nullptr;  // of the one database it defers for
    std::uint64_t commit_ = 0;
};

// The host database: a pool of SOCI sessions on one SQLite file, each set up
// with WAL, foreign keys and a busy timeout. A write is on the disk when the
// API answers: commits do not flush the log themselves (which would hold
// SQLite's write lock through the fsync); the writer waits for a shared
// flush of the log (LogFlush) after its commit. Every call holds a shared
// lock, so restore() can swap the file with no session open. SOCI errors are
// rethrown as DatabaseError carrying the statement's context.
class Database {
public:
    explicit Database(DatabaseOptions options);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Reads with a pooled session.
    void read(const std::function<void(soci::session&)>& work);
    // Runs `work` inside BEGIN IMMEDIATE ... COMMIT (SOCI's begin() is
    // deferred, which can fail half way on a lock upgrade); rolls back and
    // rethrows if `work` throws. Returns once the commit is on the disk,
    // unless a DeferredDurability on this thread waits for it instead.
    void write(const std::function<void(soci::session&)>& work);
    // Like write() but nothing waits for the disk: safe from a crash of the
    // process at once, and from a power cut after the next flush of the log.
    // For rows nobody is answered about (the audit row of a refusal).
    void write_unsynced(const std::function<void(soci::session&)>& work);

    // Closes every session, moves the current file to `keep_previous_as`,
    // moves `replacement` into place and reopens. Used by restore.
    void replace_file(const std::filesystem::path& replacement,
                      const std::filesystem::path& keep_previous_as);
    // Writes a consistent copy of the live database to `destination` with
    // SQLite's online backup API.
    void backup_to(const std::filesystem::path& destination);

    const std::filesystem::path& file() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace billing::host
