#include "storage/database.hpp"

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "storage/durable_file.hpp"
#include "storage/log_flush.hpp"
#include "storage/sqlite_backend.hpp"

namespace billing::host {

namespace {

using SessionPtr = std::unique_ptr<soci::session>;

// The databases the current thread is inside a read() or write() of. A
// nested call would wait for a pooled session or for the swap lock this
// thread already holds, so it is refused with a clear error instead.
thread_local std::vector<const void*> active_calls;

class NestingGuard {
public:
    explicit NestingGuard(const void* database) {
        if (std::find(active_calls.begin(), active_calls.end(), database) != active_calls.end())
            throw std::logic_error("a database call was made inside another one on the same thread; "
                                   "use the session you were given");
        active_calls.push_back(database);
    }
    ~NestingGuard() { active_calls.pop_back(); }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;
};

// The innermost DeferredDurability alive on this thread.
thread_local DeferredDurability* deferred_durability = nullptr;

void rollback_quietly(soci::session& session) {
    try {
        session << "ROLLBACK";
    } catch (const soci::soci_error& error) {
        // The session's transaction state is unknown now: close it so it is
        // dropped from the pool rather than reused.
        spdlog::warn("database rollback failed, dropping the session: {}", error.what());
        session.close();
    }
}

}  // namespace

struct Database::Impl {
    DatabaseOptions options;
    // Flushes the log by name, so a restore that swaps the files needs
    // nothing reopened here. Without a log (a file system where WAL was
    // refused, and commits flush themselves) the database file is flushed.
    LogFlush log_flush{[this] {
        std::shared_lock swap_lock(swap_mutex);
        const auto log = sqlite_backend::write_ahead_log_of(options.file);
        sync_data_to_disk(std::filesystem::exists(log) ? log : options.file);
    }};

    // Shared by every read, write and backup in flight; exclusive while the
    // file is swapped, so no session is open at that moment.
    std::shared_mutex swap_mutex;

    std::mutex pool_mutex;
    std::condition_variable pool_changed;
    std::vector<SessionPtr> idle;
    std::size_t open_count = 0;  // idle plus lent out

    std::string context(const char* operation) const {
        return "database " + options.file.string() + ": " + operation + ": ";
    }

    SessionPtr open_session() const {
        try {
            return sqlite_backend::open_session(options.file, options.busy_timeout_ms);
        } catch (const soci::soci_error& error) {
            throw DatabaseError(context("open") + error.what());
        }
    }

    // Lends an idle session, opens a new one while under the pool size, or
    // waits for one to come back.
    SessionPtr acquire() {
        std::unique_lock lock(pool_mutex);
        pool_changed.wait(lock, [&] { return !idle.empty() || open_count < options.pool_size; });
        if (!idle.empty()) {
            auto session = std::move(idle.back());
            idle.pop_back();
            return session;
        }
        ++open_count;
        lock.unlock();
        try {
            return open_session();
        } catch (...) {
            forget_one();
            throw;
        }
    }

    void release(SessionPtr session) {
        if (!session->is_connected()) return forget_one();
        {
            std::lock_guard lock(pool_mutex);
            idle.push_back(std::move(session));
        }
        pool_changed.notify_one();
    }

    void forget_one() {
        {
            std::lock_guard lock(pool_mutex);
            --open_count;
        }
        pool_changed.notify_one();
    }

    // Only with swap_mutex held exclusively: then every session is idle.
    void close_all() {
        std::lock_guard lock(pool_mutex);
        open_count -= idle.size();
        idle.clear();
    }

    // Adds a freshly opened session to the pool.
    void open_into_pool() {
        auto session = open_session();
        std::lock_guard lock(pool_mutex);
        idle.push_back(std::move(session));
        ++open_count;
    }

    // Runs `work` with a pooled session under the shared swap lock; SOCI
    // errors become DatabaseError naming the file and the operation.
    void run(const char* operation, const std::function<void(soci::session&)>& work) {
        NestingGuard nesting(this);
        std::shared_lock swap_lock(swap_mutex);
        auto session = acquire();
        try {
            work(*session);
        } catch (const soci::soci_error& error) {
            release(std::move(session));
            throw DatabaseError(context(operation) + error.what());
        } catch (...) {
            release(std::move(session));
            throw;
        }
        release(std::move(session));
    }
};

DeferredDurability::DeferredDurability() : outer_(deferred_durability) { deferred_durability = this; }

DeferredDurability::~DeferredDurability() {
    if (!active_) return;
    deferred_durability = outer_;
    if (log_ == nullptr) return;
    try {
        log_->wait_for(commit_);
    } catch (const std::exception& error) {
        spdlog::error("database: a write may not be on the disk: {}", error.what());
    }
}

void DeferredDurability::then(std::function<void(std::exception_ptr)> done) {
    if (!active_) throw std::logic_error("DeferredDurability::then called twice");
    active_ = false;
    deferred_durability = outer_;
    if (log_ == nullptr)
        done(nullptr);
    else
        log_->then(commit_, std::move(done));
}

Database::Database(DatabaseOptions options) : impl_(std::make_unique<Impl>()) {
    if (options.pool_size == 0) throw std::invalid_argument("database pool_size must be at least 1");
    impl_->options = std::move(options);
    const auto& file = impl_->options.file;
    std::error_code error;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), error);
    if (error)
        throw DatabaseError("cannot create the directory of database " + file.string() + ": " + error.message());
    // Opening one session now reports a bad file at start-up, not at the
    // first request.
    impl_->open_into_pool();
}

Database::~Database() {
    // A request on this thread may have written here (checking an uploaded
    // copy, say) and still wait for the answer: flush now, while the log and
    // its flusher exist.
    for (auto* deferred = deferred_durability; deferred != nullptr; deferred = deferred->outer_) {
        if (deferred->log_ != &impl_->log_flush) continue;
        try {
            impl_->log_flush.wait_for(deferred->commit_);
        } catch (const std::exception& error) {
            spdlog::error("{}: {}", impl_->context("flush before closing"), error.what());
        }
        deferred->log_ = nullptr;
    }
}

void Database::read(const std::function<void(soci::session&)>& work) { impl_->run("read", work); }

namespace {

void in_write_transaction(soci::session& session, const std::function<void(soci::session&)>& work) {
    session << sqlite_backend::begin_write_transaction;
    try {
        work(session);
        session << "COMMIT";
    } catch (...) {
        rollback_quietly(session);
        throw;
    }
}

}  // namespace

void Database::write(const std::function<void(soci::session&)>& work) {
    impl_->run("write", [&](soci::session& session) { in_write_transaction(session, work); });
    const auto commit = impl_->log_flush.committed();
    auto* deferred = deferred_durability;
    if (deferred && (deferred->log_ == nullptr || deferred->log_ == &impl_->log_flush)) {
        deferred->log_ = &impl_->log_flush;
        deferred->commit_ = commit;
        return;
    }
    impl_->log_flush.wait_for(commit);
}

void Database::write_unsynced(const std::function<void(soci::session&)>& work) {
    impl_->run("write", [&](soci::session& session) { in_write_transaction(session, work); });
}

void Database::replace_file(const std::filesystem::path& replacement,
                            const std::filesystem::path& keep_previous_as) {
    NestingGuard nesting(impl_.get());
    std::unique_lock swap_lock(impl_->swap_mutex);
    const auto& file = impl_->options.file;
    auto session = impl_->acquire();
    try {
        sqlite_backend::checkpoint(*session);
    } catch (const soci::soci_error& error) {
        impl_->release(std::move(session));
        throw DatabaseError(impl_->context("checkpoint before replacing the file") + error.what());
    }
    impl_->release(std::move(session));
    impl_->close_all();

    // A log left behind means some other program still has the database
    // open; moving the main file away from its log would lose data.
    std::error_code no_log;
    auto log_size = std::filesystem::file_size(sqlite_backend::write_ahead_log_of(file), no_log);
    if (!no_log && log_size > 0) {
        impl_->open_into_pool();
        throw DatabaseError("cannot replace database " + file.string() +
                            ": its write-ahead log is still in use (is another program using the database?)");
    }

    std::error_code error;
    if (keep_previous_as.has_parent_path()) std::filesystem::create_directories(keep_previous_as.parent_path(), error);
    if (error) {
        impl_->open_into_pool();
        throw DatabaseError("cannot create " + keep_previous_as.parent_path().string() + ": " + error.message());
    }
    try {
        rename_durably(file, keep_previous_as);
    } catch (...) {
        impl_->open_into_pool();
        throw;
    }
    try {
        rename_durably(replacement, file);
        impl_->open_into_pool();
    } catch (...) {
        // Put the previous database back, so a failed swap changes nothing.
        impl_->close_all();
        if (std::filesystem::exists(file)) rename_durably(file, replacement);
        rename_durably(keep_previous_as, file);
        impl_->open_into_pool();
        throw;
    }
    spdlog::info("database {} replaced; the previous one is kept at {}", file.string(), keep_previous_as.string());
}

void Database::backup_to(const std::filesystem::path& destination) {
    auto partial = std::filesystem::path(destination.string() + ".partial");
    impl_->run("backup", [&](soci::session& session) {
        std::error_code error;
        if (destination.has_parent_path()) std::filesystem::create_directories(destination.parent_path(), error);
        std::filesystem::remove(partial, error);
        try {
            sqlite_backend::copy_database(session, partial);
            sync_to_disk(partial);
            rename_durably(partial, destination);
        } catch (...) {
            std::filesystem::remove(partial, error);
            throw;
        }
    });
}

const std::filesystem::path& Database::file() const { return impl_->options.file; }

}  // namespace billing::host
