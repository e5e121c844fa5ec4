#include "settings/setting_rules.hpp"

#include <fstream>

#include <billing/sdk/http.hpp>
#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace billing::host {
namespace {

// A small zoneinfo directory: two compiled zones and a table that is not one.
class SettingRulesTest : public ::testing::Test {
protected:
    SettingRulesTest() {
        auto zoneinfo = temp.path() / "zoneinfo";
        std::filesystem::create_directories(zoneinfo / "Asia");
        std::ofstream(zoneinfo / "Asia" / "Jakarta") << "TZif2 compiled zone";
        std::ofstream(zoneinfo / "UTC") << "TZif2 compiled zone";
        std::ofstream(zoneinfo / "zone.tab") << "# not a zone";
        std::ofstream(temp.path() / "secret") << "TZif outside the zoneinfo directory";
        rules = SettingRules(zoneinfo);
    }

    nlohmann::json valid(const std::string& key, const nlohmann::json& value) {
        return rules.validate(key, value, SettingRules::defaults().at(key));
    }

    // The message of the 400 `code` that validating throws.
    std::string refusal(const std::string& key, const nlohmann::json& value, const std::string& code = "invalid_field") {
        try {
            valid(key, value);
        } catch (const sdk::ApiError& error) {
            EXPECT_EQ(error.status(), 400);
            EXPECT_EQ(error.code(), code) << error.what();
            return error.what();
        }
        ADD_FAILURE() << key << " = " << value << " was accepted";
        return "";
    }

    billing::test::TempDir temp;
    SettingRules rules;
};

TEST_F(SettingRulesTest, DefaultsCoverEverySetting) {
    EXPECT_EQ(SettingRules::defaults(), (nlohmann::json{{"shop_name", "Rental PlayStation"},
                                                        {"whatsapp_number", ""},
                                                        {"time_zone", "Asia/Jakarta"},
                                                        {"currency", {{"symbol", "Rp"}, {"thousands_separator", "."}}},
                                                        {"business_day_start", "06:00"},
                                                        {"session_warning_minutes", {5, 1}},
                                                        {"session_max_pause_minutes", 10}}));
    EXPECT_TRUE(SettingRules::is_known("time_zone"));
    EXPECT_FALSE(SettingRules::is_known("colour"));
}

TEST_F(SettingRulesTest, ShopNameIsOneTo80CharactersOnOneLine) {
    EXPECT_EQ(valid("shop_name", "  Rental PS Ikbal "), "Rental PS Ikbal");
    EXPECT_EQ(valid("shop_name", std::string(80, 'x')), std::string(80, 'x'));
    std::string eighty_accented;
    for (int i = 0; i < 80; ++i) eighty_accented += "\xC3\xA9";  // é: two bytes, one character
    EXPECT_EQ(valid("shop_name", eighty_accented), eighty_accented);

    EXPECT_TRUE(refusal("shop_name", "").starts_with("shop_name must be 1 to 80 characters"));
    refusal("shop_name", "   ");
    refusal("shop_name", std::string(81, 'x'));
    refusal("shop_name", "two\nlines");
    EXPECT_EQ(refusal("shop_name", 42), "shop_name must be a string");
}

TEST_F(SettingRulesTest, WhatsappNumberIsNormalisedToInternationalDigits) {
    EXPECT_EQ(valid("whatsapp_number", "0812-3456-7890"), "6281234567890");
    EXPECT_EQ(valid("whatsapp_number", "+62 812 3456 7890"), "6281234567890");
    EXPECT_EQ(valid("whatsapp_number", "(0812) 3456.7890"), "6281234567890");
    EXPECT_EQ(valid("whatsapp_number", "6281234567890"), "6281234567890");
    EXPECT_EQ(valid("whatsapp_number", ""), "");

    EXPECT_TRUE(refusal("whatsapp_number", "0812-CALL-ME").starts_with("whatsapp_number must be"));
    EXPECT_EQ(valid("whatsapp_number", "0812345"), "62812345");  // 8 digits: the shortest allowed
    refusal("whatsapp_number", "081234");             // 628 1234: 7 digits
    refusal("whatsapp_number", "1234567890123456");  // 16 digits
    refusal("whatsapp_number", "62+812345678");
    refusal("whatsapp_number", 6281234567890);
}

TEST_F(SettingRulesTest, TimeZoneIsACompiledZoneInsideZoneinfo) {
    EXPECT_EQ(valid("time_zone", "Asia/Jakarta"), "Asia/Jakarta");
    EXPECT_EQ(valid("time_zone", "UTC"), "UTC");

    EXPECT_TRUE(refusal("time_zone", "Mars/Olympus").starts_with("time_zone must be an IANA time zone name"));
    refusal("time_zone", "Asia");      // a directory
    refusal("time_zone", "zone.tab");  // not a compiled zone
    refusal("time_zone", "../secret");
    refusal("time_zone", "/etc/localtime");
    refusal("time_zone", "Asia//Jakarta");
    refusal("time_zone", "");
    refusal("time_zone", nullptr);
}

TEST_F(SettingRulesTest, CurrencyMergesThePartsGiven) {
    EXPECT_EQ(valid("currency", {{"symbol", "IDR"}}), (nlohmann::json{{"symbol", "IDR"}, {"thousands_separator", "."}}));
    EXPECT_EQ(valid("currency", {{"thousands_separator", ","}}),
              (nlohmann::json{{"symbol", "Rp"}, {"thousands_separator", ","}}));
    EXPECT_EQ(valid("currency", {{"thousands_separator", ""}})["thousands_separator"], "");

    refusal("currency", "Rp");
    EXPECT_TRUE(refusal("currency", {{"symbol", ""}}).starts_with("currency.symbol must be"));
    refusal("currency", {{"symbol", "RUPIAH-IDR"}});
    EXPECT_TRUE(refusal("currency", {{"thousands_separator", "x"}}).starts_with("currency.thousands_separator must be"));
    EXPECT_TRUE(refusal("currency", {{"decimals", 2}}, "unknown_setting").starts_with("currency.decimals"));
}

TEST_F(SettingRulesTest, BusinessDayStartIsAnHourAndMinute) {
    EXPECT_EQ(valid("business_day_start", "00:00"), "00:00");
    EXPECT_EQ(valid("business_day_start", "23:59"), "23:59");

    EXPECT_TRUE(refusal("business_day_start", "6:00").starts_with("business_day_start must be a time of day"));
    refusal("business_day_start", "24:00");
    refusal("business_day_start", "12:60");
    refusal("business_day_start", "ab:cd");
    refusal("business_day_start", "06:00:00");
    refusal("business_day_start", 600);
}

TEST_F(SettingRulesTest, SessionWarningsAreDistinctMinutesLargestFirst) {
    EXPECT_EQ(valid("session_warning_minutes", {1, 5}), (nlohmann::json{5, 1}));
    EXPECT_EQ(valid("session_warning_minutes", nlohmann::json::array()), nlohmann::json::array());
    EXPECT_TRUE(refusal("session_warning_minutes", {5, 5}).starts_with("session_warning_minutes must be"));
    refusal("session_warning_minutes", {0});
    refusal("session_warning_minutes", {61});
    refusal("session_warning_minutes", {10, 5, 4, 3, 2, 1});
    refusal("session_warning_minutes", 5);
    refusal("session_warning_minutes", {"5"});
}

TEST_F(SettingRulesTest, TheLongestPauseIsMinutesUpToTwoHours) {
    EXPECT_EQ(valid("session_max_pause_minutes", 1), 1);
    EXPECT_EQ(valid("session_max_pause_minutes", 120), 120);
    refusal("session_max_pause_minutes", 0);
    refusal("session_max_pause_minutes", 121);
    refusal("session_max_pause_minutes", "10");
}

TEST_F(SettingRulesTest, UnknownKeysAreRefused) {
    EXPECT_THROW(rules.validate("colour", "red", nullptr), sdk::ApiError);
}

}  // namespace
}  // namespace billing::host
