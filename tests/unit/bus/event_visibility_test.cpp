#include <stdexcept>

#include <gtest/gtest.h>

#include "bus/event_visibility.hpp"

namespace billing::host {
namespace {

sdk::UserInfo admin() { return {1, "admin", "admin", {}, false}; }
sdk::UserInfo operator_with(std::vector<std::string> permissions) {
    return {2, "kasir", "operator", std::move(permissions), false};
}

TEST(EventVisibility, HostRules) {
    EventVisibility visibility;
    auto plain = operator_with({});
    auto viewer = operator_with({"plugins.view"});
    // Which plugins run is for everyone (the sidebar's plugin pages); why
    // one faulted and its configuration are for plugins.view.
    EXPECT_TRUE(visibility.may_see(plain, "plugin.started"));
    EXPECT_TRUE(visibility.may_see(plain, "plugin.stopped"));
    EXPECT_FALSE(visibility.may_see(plain, "plugin.faulted"));
    EXPECT_FALSE(visibility.may_see(plain, "plugin.configured"));
    EXPECT_TRUE(visibility.may_see(viewer, "plugin.faulted"));
    EXPECT_TRUE(visibility.may_see(plain, "settings.changed"));
    EXPECT_TRUE(visibility.may_see(plain, "host.started"));
    EXPECT_FALSE(visibility.may_see(viewer, "user.created"));
    EXPECT_TRUE(visibility.may_see(admin(), "user.created"));
    EXPECT_FALSE(visibility.may_see(viewer, "backup.restored"));
    EXPECT_TRUE(visibility.may_see(admin(), "backup.restored"));
}

TEST(EventVisibility, UnknownTopicsAreForAdminsOnly) {
    EventVisibility visibility;
    EXPECT_FALSE(visibility.may_see(operator_with({"plugins.view", "settings.manage"}), "mystery.happened"));
    EXPECT_TRUE(visibility.may_see(admin(), "mystery.happened"));
}

TEST(EventVisibility, PluginRulesAndTheLongestPrefixWins) {
    EventVisibility visibility;
    visibility.add_rule("fixture-echo", "fixture.", sdk::Access::permitted("fixture.use"));
    visibility.add_rule("fixture-echo", "fixture.secret.", sdk::Access::admin_only());
    auto user = operator_with({"fixture.use"});
    EXPECT_TRUE(visibility.may_see(user, "fixture.item_added"));
    EXPECT_FALSE(visibility.may_see(operator_with({}), "fixture.item_added"));
    EXPECT_FALSE(visibility.may_see(user, "fixture.secret.key"));
    EXPECT_TRUE(visibility.may_see(admin(), "fixture.secret.key"));

    visibility.remove_owner("fixture-echo");
    EXPECT_FALSE(visibility.may_see(user, "fixture.item_added"));
}

TEST(EventVisibility, APluginCannotWidenAnotherOwnersTopics) {
    EventVisibility visibility;
    EXPECT_THROW(visibility.add_rule("evil", "user.", sdk::Access::signed_in()), std::invalid_argument);
    EXPECT_THROW(visibility.add_rule("evil", "user.created", sdk::Access::signed_in()), std::invalid_argument);
    EXPECT_THROW(visibility.add_rule("evil", "us", sdk::Access::signed_in()), std::invalid_argument);
    EXPECT_THROW(visibility.add_rule("evil", "", sdk::Access::signed_in()), std::invalid_argument);
    visibility.add_rule("a", "tv.", sdk::Access::signed_in());
    EXPECT_THROW(visibility.add_rule("b", "tv.command", sdk::Access::signed_in()), std::invalid_argument);
    EXPECT_FALSE(visibility.may_see(operator_with({}), "user.created"));
}

}  // namespace
}  // namespace billing::host
