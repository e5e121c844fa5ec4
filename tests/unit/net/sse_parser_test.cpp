#include "support/sse_parser.hpp"

#include <gtest/gtest.h>

namespace billing::test {
namespace {

TEST(SseParser, ReadsEventsWithTheirFields) {
    SseParser parser;
    auto output = parser.feed("retry: 3000\n\nid: 7\nevent: session.started\ndata: {\"a\":1}\n\n");
    ASSERT_EQ(output.events.size(), 1u) << "the retry block alone is no event";
    EXPECT_EQ(output.events[0].id, "7");
    EXPECT_EQ(output.events[0].event, "session.started");
    EXPECT_EQ(output.events[0].data, "{\"a\":1}");
}

TEST(SseParser, JoinsEventsSplitAcrossReadsAndLines) {
    SseParser parser;
    EXPECT_TRUE(parser.feed("event: x\r\nda").events.empty());
    EXPECT_TRUE(parser.feed("ta: one\r\ndata:two\r\n").events.empty());
    auto output = parser.feed("\r\nevent: y\ndata\n\n");
    ASSERT_EQ(output.events.size(), 2u);
    EXPECT_EQ(output.events[0].event, "x");
    EXPECT_EQ(output.events[0].data, "one\ntwo");
    EXPECT_EQ(output.events[1].event, "y");
    EXPECT_EQ(output.events[1].data, "");
}

TEST(SseParser, ReportsCommentsSuchAsHeartbeats) {
    SseParser parser;
    auto output = parser.feed(": heartbeat\n\n:raw\n");
    EXPECT_TRUE(output.events.empty());
    EXPECT_EQ(output.comments, (std::vector<std::string>{"heartbeat", "raw"}));
}

}  // namespace
}  // namespace billing::test
