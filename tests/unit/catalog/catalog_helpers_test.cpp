// The catalog's small helpers: code order, IP spelling, times of day, changed fields.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "catalog/changed_fields.hpp"
#include "catalog/code_order.hpp"
#include "catalog/ip_address.hpp"
#include "core/time_of_day.hpp"

namespace billing::host {
namespace {

TEST(CodeOrder, ReadsRunsOfDigitsAsNumbers) {
    EXPECT_TRUE(code_before("TV2", "TV10"));
    EXPECT_FALSE(code_before("TV10", "TV2"));
    EXPECT_TRUE(code_before("TV02", "TV10"));
    EXPECT_TRUE(code_before("TV9", "TV10"));
    EXPECT_TRUE(code_before("A1", "TV01"));
    EXPECT_TRUE(code_before("TV1", "TV1A"));
    EXPECT_TRUE(code_before("TV1-2", "TV1-10"));
    EXPECT_FALSE(code_before("TV01", "TV01"));
    // Equal values in different spellings still get a strict order.
    EXPECT_NE(code_before("TV2", "TV02"), code_before("TV02", "TV2"));
}

TEST(IpAddress, HasOneSpellingPerAddress) {
    EXPECT_EQ(canonical_ip_address("192.168.1.20"), "192.168.1.20");
    EXPECT_EQ(canonical_ip_address("::ffff:192.168.1.20"), "192.168.1.20");
    EXPECT_EQ(canonical_ip_address("FE80:0000::0001"), "fe80::1");
    EXPECT_EQ(canonical_ip_address("::1"), "::1");
    EXPECT_FALSE(canonical_ip_address(""));
    EXPECT_FALSE(canonical_ip_address("192.168.1"));
    EXPECT_FALSE(canonical_ip_address("192.168.1.256"));
    EXPECT_FALSE(canonical_ip_address("192.168.01.2"));
    EXPECT_FALSE(canonical_ip_address(" 192.168.1.2"));
    EXPECT_FALSE(canonical_ip_address("tv01.local"));
}

TEST(TimeOfDay, ReadsHoursAndMinutes) {
    EXPECT_EQ(minute_of_day("00:00"), 0);
    EXPECT_EQ(minute_of_day("06:30"), 390);
    EXPECT_EQ(minute_of_day("23:59"), 1439);
    for (const char* bad : {"24:00", "12:60", "6:00", "06:0", "0600", "06-00", "ab:cd", "", "06:00 "})
        EXPECT_FALSE(minute_of_day(bad)) << bad;
}

TEST(ChangedFields, NamesTheDifferingFieldsButNotUpdatedAt) {
    nlohmann::json before = {{"a", 1}, {"b", "x"}, {"c", nullptr}, {"updated_at", "1"}};
    nlohmann::json after = {{"a", 1}, {"b", "y"}, {"c", 3}, {"updated_at", "2"}};
    EXPECT_THAT(changed_fields(before, after), testing::ElementsAre("b", "c"));
    EXPECT_TRUE(changed_fields(before, before).empty());
}

}  // namespace
}  // namespace billing::host
