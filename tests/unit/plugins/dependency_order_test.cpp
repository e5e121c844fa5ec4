#include <gtest/gtest.h>

#include "plugins/dependency_order.hpp"

namespace billing::host {
namespace {

using Requires = std::map<std::string, std::vector<std::string>>;

TEST(DependencyOrder, EachPluginComesAfterWhatItRequires) {
    auto result = order_by_dependencies({{"cashier", {"core-a", "reports"}},
                                         {"reports", {"core-a"}},
                                         {"core-a", {}},
                                         {"alone", {}}});
    EXPECT_TRUE(result.refused.empty());
    EXPECT_EQ(result.order, (std::vector<std::string>{"alone", "core-a", "reports", "cashier"}));
}

TEST(DependencyOrder, MissingDependencyIsNamedAndRefusesDependents) {
    auto result = order_by_dependencies({{"a", {"does-not-exist"}}, {"b", {"a"}}, {"c", {}}});
    EXPECT_EQ(result.order, std::vector<std::string>{"c"});
    EXPECT_EQ(result.refused.at("a"), "requires does-not-exist, which is not installed");
    EXPECT_EQ(result.refused.at("b"), "requires a, which was refused: requires does-not-exist, which is not installed");
}

TEST(DependencyOrder, CyclesAreNamedInFull) {
    auto result = order_by_dependencies({{"a", {"b"}}, {"b", {"c"}}, {"c", {"a"}}, {"d", {"b"}}, {"e", {}}});
    EXPECT_EQ(result.order, std::vector<std::string>{"e"});
    EXPECT_EQ(result.refused.at("a"), "cycle: a -> b -> c -> a");
    EXPECT_EQ(result.refused.at("b"), "cycle: a -> b -> c -> a");
    EXPECT_EQ(result.refused.at("c"), "cycle: a -> b -> c -> a");
    EXPECT_EQ(result.refused.at("d"), "requires b, which was refused: cycle: a -> b -> c -> a");
}

TEST(DependencyOrder, TwoPluginCycleFoundFromOutside) {
    auto result = order_by_dependencies({{"a-user", {"x"}}, {"x", {"y"}}, {"y", {"x"}}});
    EXPECT_TRUE(result.order.empty());
    EXPECT_EQ(result.refused.at("x"), "cycle: x -> y -> x");
    EXPECT_EQ(result.refused.at("y"), "cycle: x -> y -> x");
    EXPECT_EQ(result.refused.at("a-user"), "requires x, which was refused: cycle: x -> y -> x");
}

TEST(DependencyOrder, PluginsRefusedEarlierRefuseTheirDependents) {
    auto result = order_by_dependencies({{"b", {"a"}}}, {{"a", "built with compiler=gcc-11"}});
    EXPECT_TRUE(result.order.empty());
    EXPECT_EQ(result.refused.at("b"), "requires a, which was refused: built with compiler=gcc-11");
}

}  // namespace
}  // namespace billing::host
