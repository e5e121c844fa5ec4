#include "storage/database.hpp"

#include <soci/soci.h>
#include <sqlite3.h>

#include <atomic>
#include <fstream>
#include <latch>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace billing::host {
namespace {

using billing::test::TempDir;

long long count_rows(Database& database, const std::string& table) {
    long long count = -1;
    database.read([&](soci::session& session) { session << "SELECT COUNT(*) FROM " + table, soci::into(count); });
    return count;
}

void create_items_table(Database& database) {
    database.write([](soci::session& session) {
        session << "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)";
    });
}

void insert_item(Database& database, const std::string& name) {
    database.write([&](soci::session& session) { session << "INSERT INTO items (name) VALUES (:name)", soci::use(name); });
}

// Opens `file` with the plain C API, the way another tool would.
std::string integrity_of(const std::filesystem::path& file) {
    sqlite3* connection = nullptr;
    sqlite3_open_v2(file.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr);
    std::string result;
    sqlite3_exec(
        connection, "PRAGMA integrity_check",
        [](void* out, int, char** values, char**) {
            *static_cast<std::string*>(out) = values[0] ? values[0] : "";
            return 0;
        },
        &result, nullptr);
    sqlite3_close(connection);
    return result;
}

class DatabaseTest : public ::testing::Test {
protected:
    TempDir temp;
    std::filesystem::path file = temp.path() / "nested dir" / "billing.db";
};

TEST_F(DatabaseTest, CreatesTheParentDirectoryAndTheFile) {
    Database database({.file = file});
    EXPECT_TRUE(std::filesystem::exists(file));
    EXPECT_EQ(database.file(), file);
}

TEST_F(DatabaseTest, EverySessionOfThePoolIsSetUp) {
    const std::size_t pool_size = 3;
    Database database({.file = file, .busy_timeout_ms = 4321, .pool_size = pool_size});
    // Readers that wait for each other hold every session of the pool at
    // once, so the sessions opened later are checked too.
    std::latch all_inside(pool_size);
    std::vector<std::thread> readers;
    std::vector<std::string> modes(pool_size);
    std::vector<long long> foreign_keys(pool_size), timeouts(pool_size), synchronous(pool_size);
    for (std::size_t i = 0; i < pool_size; ++i) {
        readers.emplace_back([&, i] {
            database.read([&](soci::session& session) {
                all_inside.arrive_and_wait();
                session << "PRAGMA journal_mode", soci::into(modes[i]);
                session << "PRAGMA foreign_keys", soci::into(foreign_keys[i]);
                session << "PRAGMA busy_timeout", soci::into(timeouts[i]);
                session << "PRAGMA synchronous", soci::into(synchronous[i]);
            });
        });
    }
    for (auto& reader : readers) reader.join();
    for (std::size_t i = 0; i < pool_size; ++i) {
        EXPECT_EQ(modes[i], "wal");
        EXPECT_EQ(foreign_keys[i], 1);
        EXPECT_EQ(timeouts[i], 4321);
        // Commits do not flush the log; Database::write() flushes it after
        // them, shared by the writers of the moment.
        EXPECT_EQ(synchronous[i], 1) << "1 is NORMAL";
    }
}

TEST_F(DatabaseTest, ReadsLargeIntegersIntoLongLong) {
    Database database({.file = file});
    const long long big = 1'795'000'000'123LL;  // Unix milliseconds in 2026
    long long read_back = 0;
    database.write([&](soci::session& session) {
        session << "CREATE TABLE instants (at INTEGER NOT NULL)";
        session << "INSERT INTO instants (at) VALUES (:at)", soci::use(big);
    });
    database.read([&](soci::session& session) { session << "SELECT at FROM instants", soci::into(read_back); });
    EXPECT_EQ(read_back, big);
}

TEST_F(DatabaseTest, WriteCommitsWhenTheWorkReturns) {
    Database database({.file = file});
    create_items_table(database);
    insert_item(database, "first");
    Database reopened({.file = file});
    EXPECT_EQ(count_rows(reopened, "items"), 1);
}

TEST_F(DatabaseTest, WriteRollsBackEverythingWhenTheWorkThrows) {
    Database database({.file = file});
    create_items_table(database);
    EXPECT_THROW(database.write([](soci::session& session) {
        session << "INSERT INTO items (name) VALUES ('one')";
        session << "INSERT INTO items (name) VALUES ('two')";
        throw std::runtime_error("changed my mind");
    }),
                 std::runtime_error);
    EXPECT_EQ(count_rows(database, "items"), 0);
    // The session that rolled back is usable again.
    insert_item(database, "after");
    EXPECT_EQ(count_rows(database, "items"), 1);
}

TEST_F(DatabaseTest, AnUnsyncedWriteCommitsAndAFailedOneRollsBack) {
    Database database({.file = file});
    create_items_table(database);
    database.write_unsynced([](soci::session& session) { session << "INSERT INTO items (name) VALUES ('audit row')"; });
    EXPECT_THROW(database.write_unsynced([](soci::session& session) {
        session << "INSERT INTO items (name) VALUES ('one')";
        session << "INSERT INTO no_such_table (name) VALUES ('two')";
    }),
                 DatabaseError);
    Database reopened({.file = file});
    EXPECT_EQ(count_rows(reopened, "items"), 1);
}

TEST_F(DatabaseTest, DeferredDurabilityWithoutWritesAnswersAtOnce) {
    Database database({.file = file});
    bool answered = false;
    DeferredDurability durability;
    durability.then([&](std::exception_ptr failure) {
        EXPECT_EQ(failure, nullptr);
        answered = true;
    });
    EXPECT_TRUE(answered);
}

TEST_F(DatabaseTest, DeferredWritesCommitAtOnceAndAnswerOnceFlushed) {
    Database database({.file = file});
    create_items_table(database);
    std::exception_ptr failure = std::make_exception_ptr(std::runtime_error("not answered"));
    {
        DeferredDurability durability;
        insert_item(database, "first");
        insert_item(database, "second");
        // Committed already: another connection sees both rows.
        EXPECT_EQ(count_rows(database, "items"), 2);
        // No other writer is flushing, so this thread flushes and answers.
        durability.then([&](std::exception_ptr result) { failure = result; });
    }
    EXPECT_EQ(failure, nullptr);
    // Writes after then() wait for the disk themselves again.
    insert_item(database, "third");
    Database reopened({.file = file});
    EXPECT_EQ(count_rows(reopened, "items"), 3);
}

TEST_F(DatabaseTest, ADeferredWriteNobodyAnsweredIsFlushedWhenTheScopeEnds) {
    Database database({.file = file});
    create_items_table(database);
    {
        DeferredDurability durability;
        insert_item(database, "kept");
    }
    Database reopened({.file = file});
    EXPECT_EQ(count_rows(reopened, "items"), 1);
}

TEST_F(DatabaseTest, ADatabaseClosedWhileItsWritesAreDeferredFlushesThemFirst) {
    // The restore route checks the uploaded copy with a Database of its own
    // inside the request, then writes to the live one.
    Database live({.file = file});
    create_items_table(live);
    const auto copy_file = temp.path() / "copy.db";
    bool answered = false;
    {
        DeferredDurability durability;
        {
            Database copy({.file = copy_file});
            create_items_table(copy);
            insert_item(copy, "in the copy");
        }
        insert_item(live, "in the live one");
        durability.then([&](std::exception_ptr failure) { answered = failure == nullptr; });
    }
    EXPECT_TRUE(answered);
    Database copy({.file = copy_file});
    EXPECT_EQ(count_rows(copy, "items"), 1);
    EXPECT_EQ(count_rows(live, "items"), 1);
}

TEST_F(DatabaseTest, ManyWritersAtOnceAllCommitAndAllAreAnswered) {
    Database database({.file = file, .pool_size = 4});
    create_items_table(database);
    const int threads = 4, writes = 50;
    std::atomic<int> answered{0};
    std::vector<std::thread> writers;
    for (int t = 0; t < threads; ++t) {
        writers.emplace_back([&, t] {
            for (int i = 0; i < writes; ++i) {
                if (i % 2 == 0) {
                    insert_item(database, "waited " + std::to_string(t));
                    ++answered;
                    continue;
                }
                DeferredDurability durability;
                insert_item(database, "deferred " + std::to_string(t));
                durability.then([&](std::exception_ptr failure) {
                    EXPECT_EQ(failure, nullptr);
                    ++answered;
                });
            }
        });
    }
    for (auto& writer : writers) writer.join();
    // A deferred answer runs on the thread whose flush covered it, at the
    // latest before that thread's own write returned.
    EXPECT_EQ(answered.load(), threads * writes);
    EXPECT_EQ(count_rows(database, "items"), threads * writes);
}

TEST_F(DatabaseTest, ConcurrentReadModifyWriteTransactionsNeverFailOrLoseUpdates) {
    // With a deferred BEGIN two writers both read, then one fails to upgrade
    // its lock (SQLITE_BUSY) or overwrites the other's increment. BEGIN
    // IMMEDIATE serialises them from the start.
    Database database({.file = file, .pool_size = 4});
    database.write([](soci::session& session) {
        session << "CREATE TABLE counter (n INTEGER NOT NULL)";
        session << "INSERT INTO counter (n) VALUES (0)";
    });
    const int threads = 4, increments = 40;
    std::latch start(threads);
    std::atomic<int> failures{0};
    std::vector<std::thread> writers;
    for (int t = 0; t < threads; ++t) {
        writers.emplace_back([&] {
            start.arrive_and_wait();
            for (int i = 0; i < increments; ++i) {
                try {
                    database.write([](soci::session& session) {
                        long long n = 0;
                        session << "SELECT n FROM counter", soci::into(n);
                        std::this_thread::yield();
                        long long next = n + 1;
                        session << "UPDATE counter SET n = :n", soci::use(next);
                    });
                } catch (const DatabaseError&) {
                    ++failures;
                }
            }
        });
    }
    for (auto& writer : writers) writer.join();
    EXPECT_EQ(failures, 0);
    long long n = 0;
    database.read([&](soci::session& session) { session << "SELECT n FROM counter", soci::into(n); });
    EXPECT_EQ(n, threads * increments);
}

TEST_F(DatabaseTest, ForeignKeysAreEnforced) {
    Database database({.file = file});
    database.write([](soci::session& session) {
        session << "CREATE TABLE parents (id INTEGER PRIMARY KEY)";
        session << "CREATE TABLE children (parent INTEGER NOT NULL REFERENCES parents (id))";
    });
    EXPECT_THROW(database.write([](soci::session& session) { session << "INSERT INTO children VALUES (42)"; }),
                 DatabaseError);
}

TEST_F(DatabaseTest, ErrorsNameTheFileTheOperationAndTheStatement) {
    Database database({.file = file});
    try {
        database.read([](soci::session& session) { session << "SELECT * FROM no_such_table"; });
        FAIL() << "expected a DatabaseError";
    } catch (const DatabaseError& error) {
        std::string message = error.what();
        EXPECT_NE(message.find(file.string()), std::string::npos) << message;
        EXPECT_NE(message.find("read"), std::string::npos) << message;
        EXPECT_NE(message.find("no_such_table"), std::string::npos) << message;
    }
}

TEST_F(DatabaseTest, AFileThatIsNotADatabaseFailsWithDatabaseError) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << "this is not a database, just some text that is long enough to have a header......";
    EXPECT_THROW(
        {
            Database database({.file = file});
            count_rows(database, "sqlite_master");
        },
        DatabaseError);
}

TEST_F(DatabaseTest, ANestedCallIsRefusedInsteadOfDeadlocking) {
    Database database({.file = file, .pool_size = 1});
    EXPECT_THROW(database.write([&](soci::session&) { count_rows(database, "sqlite_master"); }), std::logic_error);
    EXPECT_EQ(count_rows(database, "sqlite_master"), 0);
}

TEST_F(DatabaseTest, BackupIsAConsistentSelfContainedCopy) {
    Database database({.file = file});
    create_items_table(database);
    insert_item(database, "kept");
    auto copy = temp.path() / "copies" / "copy.db";
    database.backup_to(copy);

    ASSERT_TRUE(std::filesystem::exists(copy));
    EXPECT_FALSE(std::filesystem::exists(copy.string() + ".partial"));
    EXPECT_EQ(integrity_of(copy), "ok");
    Database opened({.file = copy});
    EXPECT_EQ(count_rows(opened, "items"), 1);
}

TEST_F(DatabaseTest, ReplaceFileSwapsTheDatabaseAndKeepsThePrevious) {
    Database database({.file = file});
    create_items_table(database);
    insert_item(database, "old");

    auto replacement = temp.path() / "replacement.db";
    {
        Database other({.file = replacement});
        create_items_table(other);
        insert_item(other, "new 1");
        insert_item(other, "new 2");
    }
    auto previous = temp.path() / "backups" / "previous.db";
    database.replace_file(replacement, previous);

    EXPECT_EQ(count_rows(database, "items"), 2);
    EXPECT_FALSE(std::filesystem::exists(replacement));
    Database kept({.file = previous});
    EXPECT_EQ(count_rows(kept, "items"), 1);
    // The reopened sessions are set up like the first ones.
    std::string mode;
    database.read([&](soci::session& session) { session << "PRAGMA journal_mode", soci::into(mode); });
    EXPECT_EQ(mode, "wal");
}

TEST_F(DatabaseTest, AFailedReplaceLeavesTheLiveDatabaseAsItWas) {
    Database database({.file = file});
    create_items_table(database);
    insert_item(database, "live");
    EXPECT_THROW(database.replace_file(temp.path() / "missing.db", temp.path() / "backups" / "previous.db"),
                 DatabaseError);
    EXPECT_EQ(count_rows(database, "items"), 1);
    insert_item(database, "still writable");
    EXPECT_EQ(count_rows(database, "items"), 2);
}

}  // namespace
}  // namespace billing::host
