#include "backup/backup_service.hpp"

#include <unistd.h>

#include <ctime>

#include <billing/sdk/http.hpp>
#include <spdlog/spdlog.h>

#include "backup/backup_file_check.hpp"
#include "storage/database.hpp"
#include "storage/durable_file.hpp"
#include "storage/migrator.hpp"
#include "storage/sqlite_backend.hpp"

namespace billing::host {

namespace {

constexpr const char* snapshot_prefix = "backup-";
constexpr const char* upload_prefix = "restore-";

std::filesystem::path temp_dir(const std::filesystem::path& data_dir) { return data_dir / "tmp"; }

// Work files of a run that crashed are of no use to anyone.
void remove_leftovers(const std::filesystem::path& dir) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        auto name = entry.path().filename().string();
        if (name.starts_with(snapshot_prefix) || name.starts_with(upload_prefix))
            std::filesystem::remove(entry.path(), error);
    }
}

// Removes a work database when leaving scope unless it was handed on.
class TempFile {
public:
    explicit TempFile(std::filesystem::path path) : path_(std::move(path)) {}
    ~TempFile() {
        if (!path_.empty()) sqlite_backend::remove_database_files(path_);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::filesystem::path& path() const { return path_; }
    void release() { path_.clear(); }

private:
    std::filesystem::path path_;
};

// Runs the host's migrations on the uploaded copy, so an older backup comes
// back with this build's schema; the live database is not touched.
void upgrade_schema(const std::filesystem::path& file) {
    try {
        Database copy(DatabaseOptions{.file = file, .pool_size = 1});
        Migrator(copy).apply("host", host_migrations());
    } catch (const std::exception& error) {
        throw sdk::ApiError(400, "invalid_backup",
                            std::string("the database's schema cannot be brought up to date: ") + error.what());
    }
}

}  // namespace

BackupService::BackupService(Database& database, std::filesystem::path data_dir)
    : database_(database), data_dir_(std::move(data_dir)) {
    std::error_code error;
    std::filesystem::create_directories(temp_dir(data_dir_), error);
    if (error) throw DatabaseError("cannot create " + temp_dir(data_dir_).string() + ": " + error.message());
    remove_leftovers(temp_dir(data_dir_));
}

std::filesystem::path BackupService::snapshot() {
    auto file = new_temp_file(snapshot_prefix);
    database_.backup_to(file);
    return file;
}

std::string BackupService::restore(const std::string& file_bytes) {
    std::lock_guard serial(restore_mutex_);
    TempFile upload(new_temp_file(upload_prefix));
    write_file_durably(upload.path(), file_bytes);
    check_backup_file(upload.path());
    upgrade_schema(upload.path());

    auto previous = previous_database_path();
    database_.replace_file(upload.path(), previous);
    upload.release();
    spdlog::info("database restored from an upload of {} bytes; the previous one is kept at {}", file_bytes.size(),
                 previous.string());
    return previous.string();
}

std::string BackupService::stamped_name(const std::string& prefix) {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    return prefix + stamp + ".db";
}

std::filesystem::path BackupService::new_temp_file(const std::string& prefix) {
    return temp_dir(data_dir_) / (prefix + std::to_string(::getpid()) + "-" + std::to_string(++temp_counter_) + ".db");
}

// Two restores within one second must not overwrite each other's keeps.
std::filesystem::path BackupService::previous_database_path() const {
    const auto dir = data_dir_ / "backups";
    auto name = stamped_name("billing-before-restore-");
    auto path = dir / name;
    for (int n = 2; std::filesystem::exists(path); ++n)
        path = dir / (name.substr(0, name.size() - 3) + "-" + std::to_string(n) + ".db");
    return path;
}

}  // namespace billing::host
