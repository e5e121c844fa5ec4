#include "audit/audit_log.hpp"

#include <gtest/gtest.h>

#include "unit/storage/migrated_database.hpp"

namespace billing::host {
namespace {

AuditRecord make_record(std::int64_t at_ms, std::string actor, std::string action, int status = 200) {
    AuditRecord record;
    record.at_ms = at_ms;
    record.actor = std::move(actor);
    record.action = std::move(action);
    record.target = "user:" + std::to_string(at_ms);
    record.method = "POST";
    record.path = "/api/v1/users";
    record.status = status;
    record.remote_address = "192.168.1.20";
    return record;
}

std::vector<std::string> actions_of(const nlohmann::json& page) {
    std::vector<std::string> actions;
    for (const auto& entry : page["entries"]) actions.push_back(entry["action"]);
    return actions;
}

class AuditLogTest : public ::testing::Test {
protected:
    billing::test::MigratedDatabase db;
    AuditLog audit{db.database};

    // Six entries a second apart from 2026-11-21T00:00:00Z.
    static constexpr std::int64_t kStart = 1'795'219'200'000LL;
    void record_six() {
        audit.record(make_record(kStart + 0, "admin", "users.create"));
        audit.record(make_record(kStart + 1000, "kasir", "sessions.start"));
        audit.record(make_record(kStart + 2000, "admin", "settings.update", 400));
        audit.record(make_record(kStart + 3000, "anonymous", "auth.login", 401));
        audit.record(make_record(kStart + 4000, "admin", "users.create"));
        audit.record(make_record(kStart + 5000, "kasir", "sessions.stop"));
    }
};

TEST_F(AuditLogTest, RecordsEveryFieldAndShowsTheInstantInIso8601) {
    auto record = make_record(kStart + 678, "admin", "users.update");
    record.details = {{"changed", {"role"}}};
    audit.record(record);

    auto page = audit.query({});
    ASSERT_EQ(page["entries"].size(), 1u);
    const auto& entry = page["entries"][0];
    EXPECT_GT(entry["id"].get<long long>(), 0);
    EXPECT_EQ(entry["at"], "2026-11-21T00:00:00.678Z");
    EXPECT_EQ(entry["actor"], "admin");
    EXPECT_EQ(entry["action"], "users.update");
    EXPECT_EQ(entry["target"], record.target);
    EXPECT_EQ(entry["method"], "POST");
    EXPECT_EQ(entry["path"], "/api/v1/users");
    EXPECT_EQ(entry["status"], 200);
    EXPECT_EQ(entry["remote_address"], "192.168.1.20");
    EXPECT_EQ(entry["details"], record.details);
    EXPECT_TRUE(page["next_before_id"].is_null());
}

TEST_F(AuditLogTest, NullDetailsAreStoredAsAnEmptyObject) {
    auto record = make_record(kStart, "admin", "x");
    record.details = nullptr;
    audit.record(record);
    EXPECT_EQ(audit.query({})["entries"][0]["details"], nlohmann::json::object());
}

TEST_F(AuditLogTest, ListsNewestFirst) {
    record_six();
    EXPECT_EQ(actions_of(audit.query({})),
              (std::vector<std::string>{"sessions.stop", "users.create", "auth.login", "settings.update",
                                        "sessions.start", "users.create"}));
}

TEST_F(AuditLogTest, FiltersByEachField) {
    record_six();
    AuditFilter by_actor;
    by_actor.actor = "kasir";
    EXPECT_EQ(actions_of(audit.query(by_actor)), (std::vector<std::string>{"sessions.stop", "sessions.start"}));

    AuditFilter by_action;
    by_action.action = "users.create";
    EXPECT_EQ(audit.query(by_action)["entries"].size(), 2u);

    AuditFilter by_status;
    by_status.status = 401;
    EXPECT_EQ(actions_of(audit.query(by_status)), (std::vector<std::string>{"auth.login"}));

    AuditFilter by_target;
    by_target.target = "user:" + std::to_string(kStart + 2000);
    EXPECT_EQ(actions_of(audit.query(by_target)), (std::vector<std::string>{"settings.update"}));

    AuditFilter by_time;
    by_time.from_ms = kStart + 1000;
    by_time.to_ms = kStart + 3000;
    EXPECT_EQ(actions_of(audit.query(by_time)),
              (std::vector<std::string>{"auth.login", "settings.update", "sessions.start"}));

    AuditFilter combined;
    combined.actor = "admin";
    combined.from_ms = kStart + 1;
    EXPECT_EQ(actions_of(audit.query(combined)), (std::vector<std::string>{"users.create", "settings.update"}));

    AuditFilter nothing;
    nothing.actor = "nobody";
    EXPECT_TRUE(audit.query(nothing)["entries"].empty());
}

TEST_F(AuditLogTest, PagesWithBeforeIdUntilTheEnd) {
    record_six();
    AuditFilter filter;
    filter.limit = 4;
    auto first = audit.query(filter);
    ASSERT_EQ(first["entries"].size(), 4u);
    ASSERT_TRUE(first["next_before_id"].is_number_integer());
    EXPECT_EQ(first["next_before_id"], first["entries"][3]["id"]);

    filter.before_id = first["next_before_id"].get<std::int64_t>();
    auto second = audit.query(filter);
    EXPECT_EQ(actions_of(second), (std::vector<std::string>{"sessions.start", "users.create"}));
    EXPECT_TRUE(second["next_before_id"].is_null());
}

TEST_F(AuditLogTest, AFullLastPageHasNoNextPage) {
    record_six();
    AuditFilter filter;
    filter.limit = 6;
    EXPECT_TRUE(audit.query(filter)["next_before_id"].is_null());
}

TEST_F(AuditLogTest, PagingCombinesWithFilters) {
    record_six();
    AuditFilter filter;
    filter.actor = "admin";
    filter.limit = 1;
    auto first = audit.query(filter);
    EXPECT_EQ(actions_of(first), (std::vector<std::string>{"users.create"}));
    filter.before_id = first["next_before_id"].get<std::int64_t>();
    auto second = audit.query(filter);
    EXPECT_EQ(actions_of(second), (std::vector<std::string>{"settings.update"}));
    EXPECT_FALSE(second["next_before_id"].is_null());
}

}  // namespace
}  // namespace billing::host
