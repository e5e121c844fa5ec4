#include "storage/sql_script.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace billing::host {
namespace {

using ::testing::ElementsAre;

TEST(SqlScript, SplitsOnSemicolonsAndTrims) {
    EXPECT_THAT(split_sql_script("CREATE TABLE a (x);\n  CREATE TABLE b (y) ;\nINSERT INTO a VALUES (1)"),
                ElementsAre("CREATE TABLE a (x)", "CREATE TABLE b (y)", "INSERT INTO a VALUES (1)"));
}

TEST(SqlScript, KeepsSemicolonsInsideQuotesAndIdentifiers) {
    EXPECT_THAT(split_sql_script("INSERT INTO t VALUES ('a;b', 'it''s; fine'); SELECT \"odd;name\", `x;y`, [p;q] FROM t"),
                ElementsAre("INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT \"odd;name\", `x;y`, [p;q] FROM t"));
}

TEST(SqlScript, IgnoresSemicolonsInCommentsAndDropsCommentOnlyStatements) {
    EXPECT_THAT(split_sql_script("-- first; still a comment\nCREATE TABLE a (x); /* block; comment */\n-- trailing;"),
                ElementsAre("-- first; still a comment\nCREATE TABLE a (x)"));
}

TEST(SqlScript, KeepsATriggerBodyTogether) {
    auto statements = split_sql_script(
        "CREATE TABLE t (x, y);\n"
        "CREATE TEMP TRIGGER t_set AFTER INSERT ON t BEGIN\n"
        "  UPDATE t SET y = CASE WHEN NEW.x > 1 THEN 'big' ELSE 'small' END WHERE rowid = NEW.rowid;\n"
        "  DELETE FROM t WHERE x < 0;\n"
        "END;\n"
        "CREATE INDEX t_x ON t (x);");
    ASSERT_EQ(statements.size(), 3u);
    EXPECT_TRUE(statements[1].starts_with("CREATE TEMP TRIGGER"));
    EXPECT_TRUE(statements[1].ends_with("END"));
    EXPECT_EQ(statements[2], "CREATE INDEX t_x ON t (x)");
}

TEST(SqlScript, EmptyOrBlankScriptHasNoStatements) {
    EXPECT_TRUE(split_sql_script("").empty());
    EXPECT_TRUE(split_sql_script(" ;\n ; -- nothing\n").empty());
}

}  // namespace
}  // namespace billing::host
