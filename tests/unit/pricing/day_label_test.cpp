#include "pricing/day_label.hpp"

#include <gtest/gtest.h>

namespace billing::host {
namespace {

TEST(DayLabelTest, AcceptsDatesThatExist) {
    EXPECT_TRUE(is_day_label("2026-11-21"));
    EXPECT_TRUE(is_day_label("2028-02-29"));
    EXPECT_TRUE(is_day_label("2026-12-31"));
}

TEST(DayLabelTest, RefusesDatesThatDoNotExist) {
    EXPECT_FALSE(is_day_label("2026-02-29"));
    EXPECT_FALSE(is_day_label("2026-13-01"));
    EXPECT_FALSE(is_day_label("2026-00-10"));
    EXPECT_FALSE(is_day_label("2026-04-31"));
    EXPECT_FALSE(is_day_label("2026-04-00"));
}

TEST(DayLabelTest, RefusesOtherShapes) {
    EXPECT_FALSE(is_day_label(""));
    EXPECT_FALSE(is_day_label("2026-1-21"));
    EXPECT_FALSE(is_day_label("2026/11/21"));
    EXPECT_FALSE(is_day_label("21-11-2026"));
    EXPECT_FALSE(is_day_label("2026-11-21T00"));
    EXPECT_FALSE(is_day_label("2026-11-2x"));
    EXPECT_FALSE(is_day_label("+026-11-21"));
}

}  // namespace
}  // namespace billing::host
