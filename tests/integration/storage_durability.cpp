// The database on the real host: an answered write survives the process
// being killed, and the file is set up as the design asks.
#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

TEST(StorageDurability, AnAnsweredWriteSurvivesAKill) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);
    ASSERT_EQ(admin.put("/api/v1/settings", {{"shop_name", "Written Before The Power Cut"}}).status, 200);

    host.kill9();
    host.start();

    HttpClient after(host.port());
    admin_token(after);
    EXPECT_EQ(after.get("/api/v1/settings").json()["shop_name"], "Written Before The Power Cut");
}

TEST(StorageDurability, TheDatabaseLivesInTheDataDirectoryInWalMode) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);
    const auto file = host.data_dir() / "billing.db";
    ASSERT_TRUE(std::filesystem::exists(file));
    // While the host runs, committed transactions sit in the write-ahead log.
    EXPECT_TRUE(std::filesystem::exists(file.string() + "-wal"));
    // A clean stop folds the log back into the file.
    ASSERT_EQ(host.stop(), 0) << host.log();
    EXPECT_FALSE(std::filesystem::exists(file.string() + "-wal"));
}

}  // namespace
}  // namespace billing::test
