#include "audit/audit_filter_parser.hpp"

#include <billing/sdk/http.hpp>
#include <gtest/gtest.h>

namespace billing::host {
namespace {

// The message of the ApiError that parsing `query` throws, "" if none.
std::string refusal(const std::map<std::string, std::string>& query) {
    try {
        parse_audit_filter(query);
    } catch (const sdk::ApiError& error) {
        EXPECT_EQ(error.status(), 400);
        EXPECT_EQ(error.code(), "invalid_parameter");
        return error.what();
    }
    return "";
}

TEST(AuditFilterParser, NoParametersMeansEverythingNewestFirstHundredAtATime) {
    auto filter = parse_audit_filter({});
    EXPECT_FALSE(filter.from_ms || filter.to_ms || filter.actor || filter.action || filter.target || filter.status);
    EXPECT_EQ(filter.before_id, 0);
    EXPECT_EQ(filter.limit, 100);
}

TEST(AuditFilterParser, ReadsEveryParameter) {
    auto filter = parse_audit_filter({{"from", "2026-11-21T03:04:05.678Z"},
                                      {"to", "1795300000000"},
                                      {"actor", "admin"},
                                      {"action", "users.create"},
                                      {"target", "user:3"},
                                      {"status", "403"},
                                      {"before_id", "77"},
                                      {"limit", "500"},
                                      {"_", "cache buster, ignored"}});
    EXPECT_EQ(filter.from_ms, 1'795'230'245'678LL);
    EXPECT_EQ(filter.to_ms, 1'795'300'000'000LL);
    EXPECT_EQ(filter.actor, "admin");
    EXPECT_EQ(filter.action, "users.create");
    EXPECT_EQ(filter.target, "user:3");
    EXPECT_EQ(filter.status, 403);
    EXPECT_EQ(filter.before_id, 77);
    EXPECT_EQ(filter.limit, 500);
}

TEST(AuditFilterParser, RefusesMalformedValuesNamingTheParameter) {
    EXPECT_TRUE(refusal({{"from", "last week"}}).starts_with("from must be"));
    EXPECT_TRUE(refusal({{"to", "2026-13-01T00:00:00Z"}}).starts_with("to must be"));
    EXPECT_TRUE(refusal({{"limit", "0"}}).starts_with("limit must be an integer from 1 to 500"));
    EXPECT_TRUE(refusal({{"limit", "501"}}).starts_with("limit must be"));
    EXPECT_TRUE(refusal({{"limit", "ten"}}).starts_with("limit must be"));
    EXPECT_TRUE(refusal({{"status", "99"}}).starts_with("status must be"));
    EXPECT_TRUE(refusal({{"before_id", "-3"}}).starts_with("before_id must be"));
    EXPECT_TRUE(refusal({{"before_id", "12abc"}}).starts_with("before_id must be"));
    EXPECT_TRUE(refusal({{"actor", std::string(201, 'a')}}).starts_with("actor must be"));
    EXPECT_TRUE(refusal({{"from", "2000"}, {"to", "1000"}}).starts_with("from must be no later than to"));
}

}  // namespace
}  // namespace billing::host
