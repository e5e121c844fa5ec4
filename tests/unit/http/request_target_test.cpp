#include "http/request_target.hpp"

#include <gtest/gtest.h>

namespace billing::host {
namespace {

TEST(RequestTarget, DecodesThePathAndTheQuery) {
    auto target = parse_request_target("/api/v1/users/caf%C3%A9?name=a%20b&filter=x+y&flag&empty=");
    ASSERT_TRUE(target);
    EXPECT_EQ(target->path, "/api/v1/users/caf\xC3\xA9");
    EXPECT_EQ(target->query.at("name"), "a b");
    EXPECT_EQ(target->query.at("filter"), "x y");
    EXPECT_EQ(target->query.at("flag"), "");
    EXPECT_EQ(target->query.at("empty"), "");
}

TEST(RequestTarget, DecodesEscapedQueryKeysAndSeparators) {
    auto target = parse_request_target("/x?a%26b=1%3D2&token=abc.def");
    ASSERT_TRUE(target);
    EXPECT_EQ(target->query.at("a&b"), "1=2");
    EXPECT_EQ(target->query.at("token"), "abc.def");
}

TEST(RequestTarget, KeepsTheFirstOfRepeatedParameters) {
    auto target = parse_request_target("/x?limit=5&limit=500");
    ASSERT_TRUE(target);
    EXPECT_EQ(target->query.at("limit"), "5");
}

TEST(RequestTarget, KeepsRootAndTrailingSlashes) {
    EXPECT_EQ(parse_request_target("/")->path, "/");
    EXPECT_EQ(parse_request_target("/tv/")->path, "/tv/");
    EXPECT_EQ(parse_request_target("/tv")->path, "/tv");
    EXPECT_TRUE(parse_request_target("/?a=1")->query.contains("a"));
}

TEST(RequestTarget, DecodesDotSegmentsWithoutResolvingThem) {
    // Whoever serves the path refuses them; decoding must not hide them.
    EXPECT_EQ(parse_request_target("/%2e%2e/etc/passwd")->path, "/../etc/passwd");
    EXPECT_EQ(parse_request_target("/a/%2E%2E/b")->path, "/a/../b");
}

TEST(RequestTarget, RefusesEscapesThatWouldChangeThePath) {
    EXPECT_FALSE(parse_request_target("/a%2Fb"));       // an encoded slash
    EXPECT_FALSE(parse_request_target("/..%2F..%2Fetc"));
    EXPECT_FALSE(parse_request_target("/a%5Cb"));       // an encoded backslash
    EXPECT_FALSE(parse_request_target("/index.html%00.png"));  // NUL
}

TEST(RequestTarget, RefusesWhatIsNotAnOriginFormTarget) {
    EXPECT_FALSE(parse_request_target(""));
    EXPECT_FALSE(parse_request_target("*"));
    EXPECT_FALSE(parse_request_target("index.html"));
    EXPECT_FALSE(parse_request_target("http://example.com/"));
    EXPECT_FALSE(parse_request_target("/bad%zzescape"));
    EXPECT_FALSE(parse_request_target("/bad%2"));
    EXPECT_FALSE(parse_request_target("/a b"));
}

// Found by fuzz_route_bodies: an error message quoting such a path could not
// be written as JSON, and the exception escaped the server's threads.
TEST(RequestTarget, RefusesAPathOrQueryThatDecodesToInvalidUtf8) {
    EXPECT_FALSE(parse_request_target("/api/v1/stations/2%8A"));
    EXPECT_FALSE(parse_request_target("/api/v1/%FF"));
    EXPECT_FALSE(parse_request_target("/api/v1/audit?actor=%C3"));
    EXPECT_FALSE(parse_request_target("/api/v1/audit?%ED%A0%80=1"));  // a surrogate
    EXPECT_TRUE(parse_request_target("/api/v1/members?q=%E2%82%AC"));  // the euro sign
}

}  // namespace
}  // namespace billing::host
