#include "backup/backup_service.hpp"

#include <fstream>
#include <regex>

#include <billing/sdk/http.hpp>
#include <gtest/gtest.h>

#include "unit/backup/backup_files.hpp"
#include "unit/storage/migrated_database.hpp"

namespace billing::host {
namespace {

using billing::test::database_bytes;
using billing::test::read_bytes;
using billing::test::set_setting_row;
using billing::test::setting_row;

std::vector<std::string> names_in(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ignored))
        names.push_back(entry.path().filename().string());
    return names;
}

class BackupServiceTest : public ::testing::Test {
protected:
    BackupServiceTest() { set_setting_row(db.database, "marker", "live"); }

    // The reason given for refusing `bytes`; checks that nothing changed.
    std::string refusal(const std::string& bytes) {
        std::string reason;
        try {
            backups.restore(bytes);
            ADD_FAILURE() << "the restore was accepted";
        } catch (const sdk::ApiError& error) {
            EXPECT_EQ(error.status(), 400);
            EXPECT_EQ(error.code(), "invalid_backup");
            reason = error.what();
        }
        EXPECT_EQ(setting_row(db.database, "marker"), "live") << "the live database changed";
        EXPECT_TRUE(names_in(db.dir() / "backups").empty());
        EXPECT_TRUE(names_in(db.dir() / "tmp").empty()) << "work files were left behind: " << testing::PrintToString(names_in(db.dir() / "tmp"));
        return reason;
    }

    std::filesystem::path scratch(const std::string& name) { return db.dir() / name; }

    billing::test::MigratedDatabase db;
    BackupService backups{db.database, db.dir()};
};

TEST_F(BackupServiceTest, SnapshotIsACompleteCopyInTheTempDirectory) {
    auto file = backups.snapshot();
    EXPECT_EQ(file.parent_path(), db.dir() / "tmp");
    Database copy({.file = file});
    EXPECT_EQ(setting_row(copy, "marker"), "live");
    EXPECT_EQ(Migrator(copy).current_version("host"), host_schema_version());
}

TEST_F(BackupServiceTest, RestoreSwapsInTheUploadAndKeepsThePrevious) {
    auto snapshot = backups.snapshot();
    auto bytes = read_bytes(snapshot);
    std::filesystem::remove(snapshot);
    set_setting_row(db.database, "marker", "changed after the backup");

    auto previous = backups.restore(bytes);

    EXPECT_EQ(setting_row(db.database, "marker"), "live");
    EXPECT_TRUE(std::regex_match(std::filesystem::path(previous).filename().string(),
                                 std::regex(R"(billing-before-restore-\d{8}-\d{6}\.db)")))
        << previous;
    EXPECT_EQ(std::filesystem::path(previous).parent_path(), db.dir() / "backups");
    Database kept({.file = previous});
    EXPECT_EQ(setting_row(kept, "marker"), "changed after the backup");
    EXPECT_TRUE(names_in(db.dir() / "tmp").empty());
    // The live database is writable after the swap.
    set_setting_row(db.database, "marker", "after restore");
    EXPECT_EQ(setting_row(db.database, "marker"), "after restore");
}

TEST_F(BackupServiceTest, TwoRestoresInOneSecondKeepBothPrevious) {
    auto bytes = database_bytes(scratch("upload.db"));
    auto first = backups.restore(bytes);
    auto second = backups.restore(bytes);
    EXPECT_NE(first, second);
    EXPECT_TRUE(std::filesystem::exists(first));
    EXPECT_TRUE(std::filesystem::exists(second));
}

TEST_F(BackupServiceTest, RefusesBytesThatAreNotAnSqliteFile) {
    EXPECT_EQ(refusal(""), "the file is not an SQLite database");
    EXPECT_EQ(refusal("hello, this is a text file and not a database at all"), "the file is not an SQLite database");
    EXPECT_EQ(refusal(std::string(4096, '\xAB')), "the file is not an SQLite database");
}

TEST_F(BackupServiceTest, RefusesADamagedDatabase) {
    auto bytes = database_bytes(scratch("damaged.db"), [](soci::session& session) {
        // SOCI binds by reference: the values must outlive the statement.
        const std::string details(200, 'd');
        for (int i = 0; i < 300; ++i)
            session << "INSERT INTO audit_log (at, actor, action, details) VALUES (:at, 'admin', 'x', :details)",
                soci::use(i), soci::use(details);
    });
    ASSERT_GT(bytes.size(), 8 * 4096u);
    // Scribble over the middle pages, leaving the header intact.
    for (std::size_t i = 2 * 4096; i < 6 * 4096; i += 7) bytes[i] = static_cast<char>(i * 31);
    auto reason = refusal(bytes);
    EXPECT_TRUE(reason.starts_with("the database is damaged") || reason.starts_with("the file cannot be read"))
        << reason;
}

TEST_F(BackupServiceTest, RefusesADatabaseFromANewerBuild) {
    auto bytes = database_bytes(scratch("newer.db"), [](soci::session& session) {
        const int future_version = host_schema_version() + 1;
        session << "INSERT INTO schema_migrations (owner, version, description, applied_at) "
                   "VALUES ('host', :version, 'from the future', 0)",
            soci::use(future_version);
    });
    EXPECT_EQ(refusal(bytes), "the database's host schema is version " + std::to_string(host_schema_version() + 1) +
                                  ", newer than this build knows (" + std::to_string(host_schema_version()) + ")");
}

TEST_F(BackupServiceTest, RefusesSqliteFilesThatAreNotHostDatabases) {
    auto plain = scratch("plain.db");
    {
        Database other({.file = plain});
        other.write([](soci::session& session) { session << "CREATE TABLE notes (text TEXT)"; });
    }
    EXPECT_EQ(refusal(read_bytes(plain)),
              "the database has no schema_migrations table: it is not a billing-host database");

    auto no_users = database_bytes(scratch("no-users.db"), [](soci::session& session) { session << "DROP TABLE users"; });
    EXPECT_EQ(refusal(no_users), "the database has no users table");

    auto no_host = database_bytes(scratch("no-host.db"), [](soci::session& session) {
        session << "DELETE FROM schema_migrations WHERE owner = 'host'";
    });
    EXPECT_EQ(refusal(no_host), "the database has no host schema: it is not a billing-host database");
}

TEST_F(BackupServiceTest, StartingUpRemovesWorkFilesOfACrashedRun) {
    std::ofstream(db.dir() / "tmp" / "restore-123-1.db") << "half an upload";
    std::ofstream(db.dir() / "tmp" / "backup-123-2.db") << "half a snapshot";
    std::ofstream(db.dir() / "tmp" / "someone-elses.txt") << "kept";
    BackupService restarted(db.database, db.dir());
    EXPECT_EQ(names_in(db.dir() / "tmp"), std::vector<std::string>{"someone-elses.txt"});
}

}  // namespace
}  // namespace billing::host
