#include "storage/migrator.hpp"

#include <soci/soci.h>

#include <stdexcept>

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace billing::host {
namespace {

using billing::test::TempDir;

bool table_exists(Database& database, const std::string& name) {
    long long count = 0;
    database.read([&](soci::session& session) {
        session << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :name", soci::into(count),
            soci::use(name);
    });
    return count == 1;
}

long long recorded_migrations(Database& database, const std::string& owner) {
    long long count = 0;
    database.read([&](soci::session& session) {
        session << "SELECT COUNT(*) FROM schema_migrations WHERE owner = :owner", soci::into(count), soci::use(owner);
    });
    return count;
}

const std::vector<sdk::Migration> kTwoSteps = {
    {1, "notes", "CREATE TABLE test_notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);"
                 "INSERT INTO test_notes (text) VALUES ('a; with semicolon')"},
    {2, "tags", "CREATE TABLE test_tags (note INTEGER NOT NULL REFERENCES test_notes (id), tag TEXT)"},
};

class MigratorTest : public ::testing::Test {
protected:
    TempDir temp;
    Database database{{.file = temp.path() / "billing.db"}};
    Migrator migrator{database};
};

TEST_F(MigratorTest, AppliesEveryStatementOfEachMigrationInOrderAndRecordsThem) {
    migrator.apply("test", kTwoSteps);
    EXPECT_EQ(migrator.current_version("test"), 2);
    EXPECT_TRUE(table_exists(database, "test_notes"));
    EXPECT_TRUE(table_exists(database, "test_tags"));
    std::string text, description;
    long long applied_at = 0;
    database.read([&](soci::session& session) {
        session << "SELECT text FROM test_notes", soci::into(text);
        session << "SELECT description, applied_at FROM schema_migrations WHERE owner = 'test' AND version = 2",
            soci::into(description), soci::into(applied_at);
    });
    EXPECT_EQ(text, "a; with semicolon");
    EXPECT_EQ(description, "tags");
    EXPECT_GT(applied_at, 1'600'000'000'000LL);
}

TEST_F(MigratorTest, ApplyingAgainChangesNothing) {
    migrator.apply("test", kTwoSteps);
    migrator.apply("test", kTwoSteps);
    EXPECT_EQ(recorded_migrations(database, "test"), 2);
    long long notes = 0;
    database.read([&](soci::session& session) { session << "SELECT COUNT(*) FROM test_notes", soci::into(notes); });
    EXPECT_EQ(notes, 1);
}

TEST_F(MigratorTest, RunsOnlyTheNewerMigrations) {
    migrator.apply("test", {kTwoSteps[0]});
    EXPECT_EQ(migrator.current_version("test"), 1);
    EXPECT_FALSE(table_exists(database, "test_tags"));
    migrator.apply("test", kTwoSteps);
    EXPECT_EQ(migrator.current_version("test"), 2);
    EXPECT_TRUE(table_exists(database, "test_tags"));
}

TEST_F(MigratorTest, OwnersHaveSeparateVersions) {
    migrator.apply("test", kTwoSteps);
    EXPECT_EQ(migrator.current_version("other"), 0);
    migrator.apply("other", {{1, "other table", "CREATE TABLE other_things (x)"}});
    EXPECT_EQ(migrator.current_version("other"), 1);
    EXPECT_EQ(migrator.current_version("test"), 2);
}

TEST_F(MigratorTest, RefusesADatabaseNewerThanTheBuild) {
    migrator.apply("test", kTwoSteps);
    try {
        migrator.apply("test", {kTwoSteps[0]});
        FAIL() << "expected a refusal";
    } catch (const std::runtime_error& error) {
        EXPECT_STREQ(error.what(), "database schema of test is version 2, this build knows up to 1");
    }
}

TEST_F(MigratorTest, AFailingMigrationIsRolledBackWhole) {
    migrator.apply("test", {kTwoSteps[0]});
    const std::vector<sdk::Migration> broken = {
        kTwoSteps[0],
        {2, "half", "CREATE TABLE test_half (x); INSERT INTO no_such_table VALUES (1)"},
    };
    try {
        migrator.apply("test", broken);
        FAIL() << "expected the migration to fail";
    } catch (const DatabaseError& error) {
        std::string message = error.what();
        EXPECT_NE(message.find("migration 2 (half) of test failed at statement 2"), std::string::npos) << message;
    }
    EXPECT_FALSE(table_exists(database, "test_half"));
    EXPECT_EQ(migrator.current_version("test"), 1);
    // A corrected list applies afterwards.
    migrator.apply("test", kTwoSteps);
    EXPECT_EQ(migrator.current_version("test"), 2);
}

TEST_F(MigratorTest, RejectsVersionsThatDoNotIncreaseFromOne) {
    EXPECT_THROW(migrator.apply("test", {{2, "starts at two", "CREATE TABLE x (a)"}}), std::invalid_argument);
    EXPECT_THROW(migrator.apply("test", {kTwoSteps[0], {1, "again", "CREATE TABLE x (a)"}}), std::invalid_argument);
    EXPECT_THROW(migrator.apply("test", {kTwoSteps[1], kTwoSteps[0]}), std::invalid_argument);
    EXPECT_FALSE(table_exists(database, "x"));
    EXPECT_FALSE(table_exists(database, "test_notes"));
}

TEST_F(MigratorTest, AnEmptyListIsVersionZero) {
    migrator.apply("test", {});
    EXPECT_EQ(migrator.current_version("test"), 0);
}

TEST_F(MigratorTest, TheHostSchemaApplies) {
    migrator.apply("host", host_migrations());
    EXPECT_EQ(migrator.current_version("host"), host_schema_version());
    for (const char* table : {"users", "audit_log", "settings", "plugin_state"}) EXPECT_TRUE(table_exists(database, table)) << table;
}

}  // namespace
}  // namespace billing::host
