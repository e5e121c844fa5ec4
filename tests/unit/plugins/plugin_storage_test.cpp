#include <stdexcept>

#include <gtest/gtest.h>

#include "plugins/plugin_storage.hpp"
#include "storage/database.hpp"
#include "storage/migrator.hpp"
#include "support/temp_dir.hpp"

namespace billing::host {
namespace {

using nlohmann::json;

class PluginStorageTest : public ::testing::Test {
protected:
    PluginStorageTest() {
        Migrator(database).apply("host", host_migrations());
        storage.migrate(migrations);
    }

    const std::vector<sdk::Migration> migrations = {
        {1, "things", "CREATE TABLE demo_things (id INTEGER PRIMARY KEY, name TEXT, price REAL, note TEXT)"},
        {2, "index", "CREATE INDEX demo_things_name ON demo_things (name)"}};

    test::TempDir dir;
    Database database{{dir.path() / "billing.db"}};
    PluginStorage storage{database, "demo"};
};

TEST_F(PluginStorageTest, MigrationsAreRecordedForThePlugin) {
    EXPECT_EQ(Migrator(database).current_version("demo"), 2);
    storage.migrate(migrations);  // already applied: nothing runs twice
    storage.migrate({migrations[0], migrations[1], {3, "more", "ALTER TABLE demo_things ADD COLUMN stock INTEGER"}});
    EXPECT_EQ(Migrator(database).current_version("demo"), 3);
}

TEST_F(PluginStorageTest, ParametersBindByPositionAndRowsComeBackTyped) {
    EXPECT_EQ(storage.execute("INSERT INTO demo_things (id, name, price, note) VALUES (:id, :name, :price, :note)",
                              {7LL, std::string("kopi"), 2.5, nullptr}),
              1);
    storage.execute("INSERT INTO demo_things (id, name, price, note) VALUES (:id, :name, :price, :note)",
                    {8LL, std::string("teh"), 1.0, std::string("manis")});
    auto rows = storage.query("SELECT id, name, price, note FROM demo_things WHERE id >= :min ORDER BY id", {7LL});
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], json::parse(R"({"id":7,"name":"kopi","price":2.5,"note":null})"));
    EXPECT_EQ(rows[1]["note"], "manis");
    // Expressions keep their value's type too.
    EXPECT_EQ(storage.query("SELECT COUNT(*) AS n, SUM(price) AS total, MAX(name) AS last FROM demo_things")[0],
              json::parse(R"({"n":2,"total":3.5,"last":"teh"})"));
    EXPECT_EQ(storage.query("SELECT name FROM demo_things WHERE id = :id", {99LL}), json::array());
    EXPECT_THROW(storage.query("SELECT name FROM demo_things WHERE id = :id"), DatabaseError)
        << "a missing parameter is an error, not NULL";
    EXPECT_EQ(storage.execute("UPDATE demo_things SET price = price * 2"), 2);
}

TEST_F(PluginStorageTest, TransactionsCommitOrRollBack) {
    storage.transaction([](sdk::Storage& tx) {
        tx.execute("INSERT INTO demo_things (id, name) VALUES (:id, :name)", {1LL, std::string("a")});
        // Reads inside see the transaction's own writes.
        EXPECT_EQ(tx.query("SELECT COUNT(*) AS n FROM demo_things")[0]["n"], 1);
        tx.transaction([](sdk::Storage& inner) {
            inner.execute("INSERT INTO demo_things (id, name) VALUES (:id, :name)", {2LL, std::string("b")});
        });
    });
    EXPECT_THROW(storage.transaction([](sdk::Storage& tx) {
        tx.execute("INSERT INTO demo_things (id, name) VALUES (:id, :name)", {3LL, std::string("c")});
        throw std::runtime_error("changed my mind");
    }),
                 std::runtime_error);
    EXPECT_EQ(storage.query("SELECT COUNT(*) AS n FROM demo_things")[0]["n"], 2);
    EXPECT_THROW(storage.transaction([](sdk::Storage& tx) { tx.migrate({}); }), std::logic_error);
}

TEST_F(PluginStorageTest, BadSqlIsADatabaseError) {
    EXPECT_THROW(storage.query("SELECT nope FROM nowhere"), DatabaseError);
    EXPECT_THROW(storage.execute("INSERT INTO demo_things (id) VALUES (:a)", {std::string("not an id")}),
                 DatabaseError);
}

}  // namespace
}  // namespace billing::host
