// The disk under the database fills up, or turns read-only, while the
// host runs: writes answer 503 database_unavailable (not 500) and change
// nothing, reads still answer, nothing acknowledged is lost. Once space is
// back, writes succeed again without a restart; a file system the kernel
// made read-only needs the host stopped, an fsck and a mount, after which
// everything acknowledged is there.
#include <gtest/gtest.h>

#include <set>

#include "database_check.hpp"
#include "support/database_integrity.hpp"
#include "read_only_disk.hpp"
#include "small_disk.hpp"
#include "support/eventually.hpp"
#include "support/test_support.hpp"

namespace billing::reliability {
namespace {

using nlohmann::json;
using test::HttpClient;
using test::HttpResult;

class StorageFaults : public ::testing::Test {
protected:
    // The host on `data_dir`, with a package and a member to sell it to.
    void start_host(const std::filesystem::path& data_dir) {
        test::HostOptions options;
        options.data_dir = data_dir;
        host = std::make_unique<test::HostProcess>(options);
        admin = std::make_unique<HttpClient>(host->port());
        test::admin_token(*admin);
        package = test::create_fixed_package(*admin);
        member = test::create_member(*admin, "Budi", "081200000001");
    }

    // Writes of two kinds are refused as the API says they should be.
    void expect_writes_refused(const HttpResult& refused_sale) {
        EXPECT_EQ(refused_sale.status, 503) << refused_sale.body;
        EXPECT_EQ(refused_sale.error_code(), "database_unavailable") << refused_sale.body;
        auto refused_member = admin->post("/api/v1/members", {{"name", "Citra"}, {"phone", "081200000002"}});
        EXPECT_EQ(refused_member.status, 503) << refused_member.body;
        EXPECT_EQ(refused_member.error_code(), "database_unavailable");
    }

    // Reads still answer, and show only what was acknowledged.
    void expect_reads_served() {
        EXPECT_EQ(admin->get("/api/v1/members/" + std::to_string(member)).status, 200);
        EXPECT_EQ(admin->get("/api/v1/stations").status, 200);
        EXPECT_EQ(admin->get("/api/v1/health").status, 200);
        expect_everything_acknowledged();
    }

    HttpResult buy() {
        auto result = admin->post("/api/v1/members/" + std::to_string(member) + "/purchases", {{"package_id", package}});
        if (result.status == 201) acknowledged.push_back(result.json()["sale"]);
        return result;
    }

    std::int64_t units_held() {
        auto balances = admin->get("/api/v1/members/" + std::to_string(member) + "/balances").json()["balances"];
        return balances.empty() ? 0 : balances[0]["units"].get<std::int64_t>();
    }

    // Every acknowledged sale is there, and the units match them exactly:
    // a refused purchase left neither a sale nor a unit behind.
    void expect_everything_acknowledged() {
        std::set<std::int64_t> sales;
        for (const auto& sale : all_pages(*admin, "/api/v1/sales?day=" + acknowledged.front()["business_day"].get<std::string>() + "&limit=500", "sales"))
            sales.insert(sale["id"].get<std::int64_t>());
        for (const auto& sale : acknowledged)
            EXPECT_TRUE(sales.contains(sale["id"].get<std::int64_t>())) << "acknowledged sale " << sale << " is gone";
        EXPECT_EQ(sales.size(), acknowledged.size());
        EXPECT_EQ(units_held(), static_cast<std::int64_t>(acknowledged.size()));
    }

    // Declared before the host, so the host stops before its disk goes.
    std::unique_ptr<SmallDisk> small_disk;
    std::unique_ptr<ReadOnlyDisk> read_only_disk;
    std::unique_ptr<test::HostProcess> host;
    std::unique_ptr<HttpClient> admin;
    std::int64_t package = 0;
    std::int64_t member = 0;
    std::vector<json> acknowledged;  // sales
};

TEST_F(StorageFaults, AFullDiskAnswers503KeepsReadingAndRecoversWithoutARestart) {
    small_disk = std::make_unique<SmallDisk>(16);
    auto& disk = *small_disk;
    if (!disk.mounted()) GTEST_SKIP() << disk.refusal() << " (this test needs root to mount a tmpfs)";
    start_host(disk.path() / "data");
    ASSERT_EQ(buy().status, 201);

    disk.fill();
    // Commits first reuse space the write-ahead log already holds; keep
    // selling until the log must grow and the disk refuses.
    HttpResult refused;
    for (int attempt = 0; attempt < 5000 && refused.status != 503; ++attempt) {
        refused = buy();
        ASSERT_TRUE(refused.status == 201 || refused.status == 503) << refused.body;
    }
    ASSERT_EQ(refused.status, 503) << "the full disk never refused a write";
    expect_writes_refused(refused);
    expect_reads_served();

    // Space comes back: writes succeed again, with no restart.
    disk.free_space();
    ASSERT_TRUE(test::eventually([&] { return buy().status == 201; })) << host->log();
    EXPECT_EQ(admin->post("/api/v1/members", {{"name", "Citra"}, {"phone", "081200000002"}}).status, 201);
    expect_everything_acknowledged();

    // And all of it is on disk.
    ASSERT_EQ(host->stop(), 0) << host->log();
    EXPECT_EQ(test::integrity_check(disk.path() / "data" / "billing.db"), "ok\n");
    host->start();
    test::admin_token(*admin);
    expect_everything_acknowledged();
}

TEST_F(StorageFaults, AFileSystemTurnedReadOnlyAnswers503AndLosesNothing) {
    read_only_disk = std::make_unique<ReadOnlyDisk>();
    auto& disk = *read_only_disk;
    if (!disk.mounted()) GTEST_SKIP() << disk.refusal() << " (this test needs root to loop-mount an ext4 image)";
    start_host(disk.path() / "data");
    for (int i = 0; i < 5; ++i) ASSERT_EQ(buy().status, 201);

    disk.break_to_read_only();
    expect_writes_refused(buy());
    expect_reads_served();

    // Linux brings such a file system back only through an unmount, so
    // the host stops first; it still exits cleanly.
    EXPECT_EQ(host->stop(), 0) << host->log();
    disk.repair();
    EXPECT_EQ(test::integrity_check(disk.path() / "data" / "billing.db"), "ok\n");
    host->start();
    test::admin_token(*admin);
    expect_everything_acknowledged();
    EXPECT_EQ(buy().status, 201);
    expect_everything_acknowledged();
}

}  // namespace
}  // namespace billing::reliability
