#pragma once
#include <cstddef>
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

// The host database: a pool of SOCI sessions on one SQLite file, each set up
// with WAL, foreign keys, a busy timeout and synchronous=FULL (a write is on
// disk when the API answers). Every call holds a shared lock, so restore()
// can swap the file with no session open. SOCI errors are rethrown as
// DatabaseError carrying the statement's context.
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
    // rethrows if `work` throws.
    void write(const std::function<void(soci::session&)>& work);
    // Like write() but its commit does not wait for the disk: safe from a
    // crash of the process at once, and from a power cut once the next
    // write() commits. For rows that follow a write() already durable (an
    // audit entry), it halves the fsyncs of a request.
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
