#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <billing/sdk/http.hpp>

#include "auth/permission_catalog.hpp"
#include "auth/user_input.hpp"
#include "support/thrown_api_error.hpp"

namespace billing::host {
namespace {

using nlohmann::json;
using testing::ElementsAre;

// Bad input is always a 400.
std::string bad_input_code_of(const std::function<void()>& call) {
    auto thrown = test::thrown_api_error(call);
    EXPECT_EQ(thrown.status, thrown.code == "no error" ? 0 : 400) << thrown.code;
    return thrown.code;
}

TEST(UserInput, UsernamesAreLowerCasedAndChecked) {
    EXPECT_EQ(user_input::username(json{{"username", "Budi.Santoso_2-x"}}), "budi.santoso_2-x");
    EXPECT_EQ(user_input::username(json{{"username", "abc"}}), "abc");
    EXPECT_EQ(user_input::username(json{{"username", std::string(32, 'a')}}), std::string(32, 'a'));
    for (const auto& bad : {"ab", "budi santoso", "budi@shop", "büdi", "", "../x"})
        EXPECT_EQ(bad_input_code_of([&] { user_input::username(json{{"username", bad}}); }), "invalid_field") << bad;
    EXPECT_EQ(bad_input_code_of([&] { user_input::username(json{{"username", std::string(33, 'a')}}); }), "invalid_field");
    EXPECT_EQ(bad_input_code_of([&] { user_input::username(json{{"username", 12}}); }), "invalid_field");
    EXPECT_EQ(bad_input_code_of([&] { user_input::username(json::object()); }), "missing_field");
}

TEST(UserInput, DisplayNamesCountCharactersNotBytes) {
    EXPECT_EQ(user_input::display_name(json{{"display_name", "Ñoño Café"}}), "Ñoño Café");
    std::string eighty_two_byte_chars;
    for (int i = 0; i < 80; ++i) eighty_two_byte_chars += "é";
    EXPECT_EQ(user_input::display_name(json{{"display_name", eighty_two_byte_chars}}), eighty_two_byte_chars);
    EXPECT_EQ(bad_input_code_of([&] { user_input::display_name(json{{"display_name", eighty_two_byte_chars + "x"}}); }),
              "invalid_field");
    EXPECT_EQ(bad_input_code_of([&] { user_input::display_name(json{{"display_name", "line\nbreak"}}); }), "invalid_field");
    EXPECT_FALSE(user_input::display_name(json::object()));
}

TEST(UserInput, RolesAreAdminOrOperator) {
    EXPECT_EQ(user_input::role(json{{"role", "admin"}}), "admin");
    EXPECT_EQ(user_input::role(json{{"role", "operator"}}), "operator");
    EXPECT_EQ(bad_input_code_of([&] { user_input::role(json{{"role", "root"}}); }), "invalid_field");
    EXPECT_EQ(bad_input_code_of([&] { user_input::role(json{{"role", true}}); }), "invalid_field");
}

TEST(UserInput, PermissionsMustBeKnownNames) {
    PermissionCatalog catalog;
    EXPECT_THAT(*user_input::permissions(json{{"permissions", {"settings.view", "plugins.view", "settings.view"}}}, catalog),
                ElementsAre("settings.view", "plugins.view"));
    EXPECT_EQ(bad_input_code_of([&] { user_input::permissions(json{{"permissions", {"settings.view", "root"}}}, catalog); }),
              "unknown_permission");
    EXPECT_EQ(bad_input_code_of([&] { user_input::permissions(json{{"permissions", "settings.view"}}, catalog); }),
              "invalid_field");
    EXPECT_EQ(bad_input_code_of([&] { user_input::permissions(json{{"permissions", {1, 2}}}, catalog); }), "invalid_field");
    // A plugin's permissions count while it is in the catalog.
    catalog.add({"sessions.start", "Mulai sesi", "cashier"});
    EXPECT_THAT(*user_input::permissions(json{{"permissions", {"sessions.start"}}}, catalog), ElementsAre("sessions.start"));
}

TEST(UserInput, PasswordsNeedEightCharactersAndNotTheUsername) {
    EXPECT_NO_THROW(user_input::check_password_strength("12345678", "budi"));
    EXPECT_NO_THROW(user_input::check_password_strength("éééééééé", "budi"));
    EXPECT_EQ(bad_input_code_of([] { user_input::check_password_strength("1234567", "budi"); }), "weak_password");
    EXPECT_EQ(bad_input_code_of([] { user_input::check_password_strength("ikbal", "admin"); }), "weak_password");
    EXPECT_EQ(bad_input_code_of([] { user_input::check_password_strength("BudiSantoso", "budisantoso"); }), "weak_password");
}

}  // namespace
}  // namespace billing::host
