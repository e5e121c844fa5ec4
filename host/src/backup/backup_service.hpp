#pragma once
#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>

namespace billing::host {

class Database;

// Backups of the live database and restores from an uploaded copy. Work
// files live in <data_dir>/tmp; the database a restore replaces is kept in
// <data_dir>/backups.
class BackupService {
public:
    BackupService(Database& database, std::filesystem::path data_dir);

    // A consistent copy of the live database in a new file under
    // <data_dir>/tmp; the caller deletes it when done.
    std::filesystem::path snapshot();

    // Swaps the live database for `file_bytes` (a whole SQLite file) and
    // returns where the previous database was kept. The upload is checked
    // first (see check_backup_file) and brought up to this build's host
    // schema; on any problem it throws sdk::ApiError(400, "invalid_backup",
    // reason) and nothing has changed.
    std::string restore(const std::string& file_bytes);

    // "billing-20261121-100405.db": a file name stamped with the local time.
    static std::string stamped_name(const std::string& prefix);

private:
    std::filesystem::path new_temp_file(const std::string& prefix);
    std::filesystem::path previous_database_path() const;

    Database& database_;
    const std::filesystem::path data_dir_;
    std::mutex restore_mutex_;  // one restore at a time
    std::atomic<unsigned> temp_counter_{0};
};

}  // namespace billing::host
