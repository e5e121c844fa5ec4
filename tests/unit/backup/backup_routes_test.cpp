#include "backup/backup_routes.hpp"

#include <regex>

#include <billing/sdk/http.hpp>
#include <gtest/gtest.h>

#include "api/router.hpp"
#include "backup/backup_service.hpp"
#include "bus/event_bus.hpp"
#include "unit/backup/backup_files.hpp"
#include "unit/storage/migrated_database.hpp"

namespace billing::host {
namespace {

class BackupRoutesTest : public ::testing::Test {
protected:
    BackupRoutesTest() {
        auto inline_poster = [](std::function<void()> job) { job(); };
        bus.subscribe("test", "backup.*", [this](const sdk::Event& event) { events.push_back(event); }, inline_poster);
        register_backup_routes(router, inline_poster, backups, bus, [this] { ++after_restore_calls; });
    }

    std::shared_ptr<const Route> route(const char* method, const char* path) {
        auto match = router.match(method, path);
        EXPECT_TRUE(match.route) << method << " " << path;
        return match.route;
    }

    sdk::HttpResponse call(const char* method, const char* path, std::string body = {}) {
        sdk::HttpRequest request;
        request.method = method;
        request.path = path;
        request.body = std::move(body);
        try {
            return route(method, path)->handler(request);
        } catch (const sdk::ApiError& error) {
            return error.response();
        }
    }

    std::string header(const sdk::HttpResponse& response, const std::string& name) {
        for (const auto& [key, value] : response.headers)
            if (key == name) return value;
        return "";
    }

    billing::test::MigratedDatabase db;
    BackupService backups{db.database, db.dir()};
    EventBus bus;
    Router router;
    std::vector<sdk::Event> events;
    int after_restore_calls = 0;
};

TEST_F(BackupRoutesTest, BothRoutesAreForAdminsAndRestoreTakesLargeBodies) {
    auto download = route("GET", "/api/v1/backup");
    EXPECT_EQ(download->access.kind, sdk::Access::Kind::admin);
    EXPECT_EQ(download->action, "backup.download");
    auto restore = route("POST", "/api/v1/restore");
    EXPECT_EQ(restore->access.kind, sdk::Access::Kind::admin);
    EXPECT_EQ(restore->action, "backup.restore");
    EXPECT_EQ(restore->body_limit, 256u * 1024 * 1024);
}

TEST_F(BackupRoutesTest, DownloadStreamsASnapshotFileAsAnAttachment) {
    auto response = call("GET", "/api/v1/backup");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.content_type, "application/vnd.sqlite3");
    EXPECT_TRUE(response.delete_file_after_send);
    ASSERT_TRUE(std::filesystem::exists(response.file_path));
    EXPECT_EQ(billing::test::read_bytes(response.file_path).substr(0, 15), "SQLite format 3");
    EXPECT_TRUE(std::regex_match(header(response, "Content-Disposition"),
                                 std::regex(R"(attachment; filename="billing-\d{8}-\d{6}\.db")")))
        << header(response, "Content-Disposition");
    std::filesystem::remove(response.file_path);
}

TEST_F(BackupRoutesTest, RestoreSwapsReloadsAndAnnounces) {
    auto snapshot = backups.snapshot();
    auto response = call("POST", "/api/v1/restore", billing::test::read_bytes(snapshot));
    std::filesystem::remove(snapshot);

    ASSERT_EQ(response.status, 200) << response.body;
    auto body = nlohmann::json::parse(response.body);
    EXPECT_EQ(body["restored"], true);
    EXPECT_TRUE(std::filesystem::exists(body["previous"].get<std::string>()));
    EXPECT_EQ(after_restore_calls, 1);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].topic, "backup.restored");
    EXPECT_EQ(events[0].payload["previous"], body["previous"]);
    EXPECT_EQ(response.audit_target, "database");
}

TEST_F(BackupRoutesTest, ABadUploadIsA400AndNothingHappens) {
    auto response = call("POST", "/api/v1/restore", "definitely not a database");
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(nlohmann::json::parse(response.body)["error"]["code"], "invalid_backup");
    EXPECT_EQ(after_restore_calls, 0);
    EXPECT_TRUE(events.empty());
}

}  // namespace
}  // namespace billing::host
