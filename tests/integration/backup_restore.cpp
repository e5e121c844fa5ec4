// GET /api/v1/backup and POST /api/v1/restore on the real host: a
// download restores to the state it was taken in while the host keeps
// serving, and a bad upload changes nothing.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <regex>
#include <thread>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

void expect_error(const HttpResult& result, int status, const std::string& code) {
    EXPECT_EQ(result.status, status) << result.body;
    EXPECT_EQ(result.error_code(), code) << result.body;
}

std::string shop_name(HttpClient& client) { return client.get("/api/v1/settings").json()["shop_name"]; }

HttpResult upload(HttpClient& client, const std::string& bytes) {
    return client.request("POST", "/api/v1/restore", bytes, {{"Content-Type", "application/vnd.sqlite3"}});
}

class BackupRestore : public ::testing::Test {
protected:
    BackupRestore() { admin_token(admin); }

    // A download of the database while shop_name is `name`.
    std::string backup_named(const std::string& name) {
        EXPECT_EQ(admin.put("/api/v1/settings", {{"shop_name", name}}).status, 200);
        auto download = admin.get("/api/v1/backup");
        EXPECT_EQ(download.status, 200) << download.body;
        return download.body;
    }

    HostProcess host;
    HttpClient admin{host.port()};
};

TEST_F(BackupRestore, DownloadIsAnSqliteAttachment) {
    auto download = admin.get("/api/v1/backup");
    ASSERT_EQ(download.status, 200);
    EXPECT_EQ(download.headers["content-type"], "application/vnd.sqlite3");
    EXPECT_TRUE(std::regex_match(download.headers["content-disposition"],
                                 std::regex(R"(attachment; filename="billing-\d{8}-\d{6}\.db")")))
        << download.headers["content-disposition"];
    EXPECT_EQ(download.body.substr(0, 16), std::string("SQLite format 3\0", 16));
    // The snapshot file is removed once sent (just after the last byte).
    const auto tmp = host.data_dir() / "tmp";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!std::filesystem::is_empty(tmp) && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_TRUE(std::filesystem::is_empty(tmp)) << "the snapshot was left in " << tmp;
}

TEST_F(BackupRestore, RestoringADownloadBringsItsDataBackWhileTheHostKeepsServing) {
    auto backup = backup_named("Before Backup");
    ASSERT_EQ(admin.put("/api/v1/settings", {{"shop_name", "After Backup"}}).status, 200);

    auto restored = upload(admin, backup);
    ASSERT_EQ(restored.status, 200) << restored.body;
    EXPECT_EQ(restored.json()["restored"], true);
    const std::filesystem::path previous = restored.json()["previous"].get<std::string>();
    EXPECT_TRUE(std::filesystem::exists(previous)) << previous;
    EXPECT_EQ(std::filesystem::canonical(previous.parent_path()), std::filesystem::canonical(host.data_dir() / "backups"));

    // Every token issued before the restore is revoked (a restored database
    // must not revive tokens revoked after the backup): sign in again.
    EXPECT_EQ(admin.get("/api/v1/settings").status, 401);
    EXPECT_EQ(admin.get("/api/v1/health").status, 200);
    admin_token(admin);
    EXPECT_EQ(shop_name(admin), "Before Backup");
    auto audit = admin.get("/api/v1/audit?action=backup.restore").json()["entries"];
    ASSERT_EQ(audit.size(), 1u) << "recorded in the restored database";
    EXPECT_EQ(audit[0]["status"], 200);
    // Writes go to the restored database.
    ASSERT_EQ(admin.put("/api/v1/settings", {{"shop_name", "Written After Restore"}}).status, 200);
    EXPECT_EQ(shop_name(admin), "Written After Restore");

    // And it stays after a restart.
    ASSERT_EQ(host.stop(), 0) << host.log();
    host.start();
    HttpClient after_restart(host.port());
    admin_token(after_restart);
    EXPECT_EQ(shop_name(after_restart), "Written After Restore");
}

TEST_F(BackupRestore, RequestsDuringARestoreAreAnsweredNormally) {
    auto backup = backup_named("Restored Under Load");
    std::atomic<bool> done{false};
    std::atomic<int> answered{0};
    std::vector<int> unexpected;
    std::thread traffic([&] {
        HttpClient client(host.port());
        client.set_token(admin.token());
        while (!done) {
            for (auto status : {client.get("/api/v1/settings").status,
                                client.put("/api/v1/settings", {{"business_day_start", "07:00"}}).status}) {
                // 401 once the restore has revoked the token; nothing else.
                if (status != 200 && status != 401) unexpected.push_back(status);
                ++answered;
            }
        }
    });
    // Let the traffic get going, then restore in the middle of it.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (answered < 10 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    auto restored = upload(admin, backup);
    const int answered_at_restore = answered;
    while (answered < answered_at_restore + 10 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    done = true;
    traffic.join();

    EXPECT_EQ(restored.status, 200) << restored.body;
    EXPECT_TRUE(unexpected.empty()) << testing::PrintToString(unexpected);
    admin_token(admin);
    EXPECT_EQ(shop_name(admin), "Restored Under Load");
}

TEST_F(BackupRestore, ABadUploadIsRefusedAndTheDataStays) {
    auto backup = backup_named("Precious Data");

    expect_error(upload(admin, "this is not a database"), 400, "invalid_backup");
    expect_error(upload(admin, ""), 400, "invalid_backup");
    auto damaged = backup;
    for (std::size_t i = 4096; i < damaged.size(); i += 5) damaged[i] = static_cast<char>(0xA5 ^ i);
    expect_error(upload(admin, damaged), 400, "invalid_backup");
    auto truncated = backup.substr(0, backup.size() / 2);
    expect_error(upload(admin, truncated), 400, "invalid_backup");

    EXPECT_EQ(shop_name(admin), "Precious Data");
    ASSERT_EQ(admin.put("/api/v1/settings", {{"shop_name", "Still Writable"}}).status, 200);
    EXPECT_EQ(shop_name(admin), "Still Writable");
    EXPECT_FALSE(std::filesystem::exists(host.data_dir() / "backups") &&
                 !std::filesystem::is_empty(host.data_dir() / "backups"));
}

TEST_F(BackupRestore, OnlyAdminsMayBackUpOrRestore) {
    auto backup = admin.get("/api/v1/backup").body;
    HttpClient kasir(host.port());
    kasir.set_token(create_operator(admin, "kasir", {"settings.manage", "plugins.manage"}));
    expect_error(kasir.get("/api/v1/backup"), 403, "forbidden");
    expect_error(upload(kasir, backup), 403, "forbidden");
    HttpClient anonymous(host.port());
    expect_error(anonymous.get("/api/v1/backup"), 401, "unauthorized");
    expect_error(upload(anonymous, backup), 401, "unauthorized");
}

}  // namespace
}  // namespace billing::test
