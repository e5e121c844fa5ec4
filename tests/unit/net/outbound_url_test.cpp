#include "net/outbound_url.hpp"

#include <stdexcept>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace billing::host {
namespace {

std::string rejection(const std::string& url) {
    try {
        parse_outbound_url(url);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "accepted";
}

TEST(OutboundUrl, TakesHttpsApart) {
    auto url = parse_outbound_url("https://graph.facebook.com/v19.0/123/messages?x=1&y=%20");
    EXPECT_TRUE(url.tls);
    EXPECT_EQ(url.host, "graph.facebook.com");
    EXPECT_EQ(url.port, 443);
    EXPECT_EQ(url.target, "/v19.0/123/messages?x=1&y=%20");
    EXPECT_EQ(url.host_header(), "graph.facebook.com");
}

TEST(OutboundUrl, DefaultsAndExplicitPorts) {
    auto plain = parse_outbound_url("HTTP://Example.com");
    EXPECT_FALSE(plain.tls);
    EXPECT_EQ(plain.port, 80);
    EXPECT_EQ(plain.target, "/");
    auto local = parse_outbound_url("http://127.0.0.1:8080?q=1#fragment");
    EXPECT_EQ(local.port, 8080);
    EXPECT_EQ(local.target, "/?q=1");
    EXPECT_EQ(local.host_header(), "127.0.0.1:8080");
}

TEST(OutboundUrl, Ipv6WithoutBrackets) {
    auto url = parse_outbound_url("http://[::1]:9000/x");
    EXPECT_EQ(url.host, "::1");
    EXPECT_EQ(url.host_header(), "[::1]:9000");
}

TEST(OutboundUrl, RejectsWhatItCannotSend) {
    EXPECT_THAT(rejection("ftp://example.com/file"), ::testing::HasSubstr("scheme \"ftp\" is not supported"));
    EXPECT_THAT(rejection("ws://example.com/"), ::testing::HasSubstr("not supported"));
    EXPECT_THAT(rejection("example.com/path"), ::testing::HasSubstr("invalid URL \"example.com/path\""));
    EXPECT_THAT(rejection(""), ::testing::HasSubstr("invalid URL"));
    EXPECT_THAT(rejection("http:///nohost"), ::testing::HasSubstr("no host"));
    EXPECT_THAT(rejection("http://example.com:99999/"), ::testing::HasSubstr("port \"99999\""));
    EXPECT_THAT(rejection("http://example.com:0/"), ::testing::HasSubstr("port \"0\""));
    EXPECT_THAT(rejection("http://user:secret@example.com/"), ::testing::HasSubstr("user:password@"));
    EXPECT_THAT(rejection("http://exa mple.com/"), ::testing::HasSubstr("invalid URL"));
}

}  // namespace
}  // namespace billing::host
