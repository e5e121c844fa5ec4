#include "settings/settings_store.hpp"

#include <soci/soci.h>

#include <billing/sdk/http.hpp>
#include <gtest/gtest.h>

#include "bus/event_bus.hpp"
#include "unit/storage/migrated_database.hpp"

namespace billing::host {
namespace {

class SettingsStoreTest : public ::testing::Test {
protected:
    SettingsStoreTest() {
        // Handlers run as soon as the bus hands an event over.
        bus.subscribe("test", "settings.*", [this](const sdk::Event& event) { events.push_back(event); },
                      [](std::function<void()> job) { job(); });
    }

    // The error code of the update, "" if it was accepted.
    std::string refusal(const nlohmann::json& changes) {
        try {
            store.update(changes);
        } catch (const sdk::ApiError& error) {
            EXPECT_EQ(error.status(), 400);
            return error.code();
        }
        return "";
    }

    billing::test::MigratedDatabase db;
    EventBus bus;
    std::vector<sdk::Event> events;
    SettingsStore store{db.database, bus};
};

TEST_F(SettingsStoreTest, AFreshDatabaseHoldsTheDefaults) {
    EXPECT_EQ(store.all(), SettingRules::defaults());
    EXPECT_EQ(store.get("time_zone"), "Asia/Jakarta");
    EXPECT_TRUE(store.get("colour").is_null());
}

TEST_F(SettingsStoreTest, UpdateNormalisesStoresAndReturnsEverySetting) {
    auto result = store.update({{"shop_name", "PS Corner"}, {"whatsapp_number", "0812 3456 7890"}});
    EXPECT_EQ(result["shop_name"], "PS Corner");
    EXPECT_EQ(result["whatsapp_number"], "6281234567890");
    EXPECT_EQ(result["business_day_start"], "06:00");
    EXPECT_EQ(store.all(), result);
}

TEST_F(SettingsStoreTest, SettingsSurviveReopeningTheDatabase) {
    store.update({{"time_zone", "UTC"}, {"currency", {{"symbol", "IDR"}}}, {"business_day_start", "05:30"}});
    // A new pool of connections reads the file afresh.
    Database reopened_database({.file = db.database.file()});
    EventBus other_bus;
    SettingsStore reopened(reopened_database, other_bus);
    EXPECT_EQ(reopened.get("time_zone"), "UTC");
    EXPECT_EQ(reopened.get("currency"), (nlohmann::json{{"symbol", "IDR"}, {"thousands_separator", "."}}));
    EXPECT_EQ(reopened.get("business_day_start"), "05:30");
}

TEST_F(SettingsStoreTest, PublishesTheChangedKeysAndTheNewSettings) {
    auto result = store.update({{"shop_name", "PS Corner"}, {"time_zone", "Asia/Jakarta"}});
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].topic, "settings.changed");
    EXPECT_EQ(events[0].source, "host");
    EXPECT_EQ(events[0].payload["changed"], nlohmann::json::array({"shop_name"})) << "time_zone did not change";
    EXPECT_EQ(events[0].payload["settings"], result);
}

TEST_F(SettingsStoreTest, AnUpdateThatChangesNothingPublishesNothing) {
    store.update({{"business_day_start", "06:00"}});
    store.update(nlohmann::json::object());
    EXPECT_TRUE(events.empty());
}

TEST_F(SettingsStoreTest, OneBadKeyRejectsTheWholeUpdate) {
    EXPECT_EQ(refusal({{"shop_name", "Valid Name"}, {"business_day_start", "25:00"}}), "invalid_field");
    EXPECT_EQ(refusal({{"shop_name", "Valid Name"}, {"opening_hours", "09-21"}}), "unknown_setting");
    EXPECT_EQ(refusal(nlohmann::json::array({1, 2})), "invalid_body");
    EXPECT_EQ(store.all(), SettingRules::defaults());
    EXPECT_TRUE(events.empty());
    EventBus other_bus;
    EXPECT_EQ(SettingsStore(db.database, other_bus).all(), SettingRules::defaults());
}

TEST_F(SettingsStoreTest, ReloadReadsWhatTheDatabaseHoldsNow) {
    db.database.write([](soci::session& session) {
        session << "INSERT INTO settings (key, value) VALUES ('shop_name', '\"Restored Shop\"'), "
                   "('whatsapp_number', 'not json'), ('from_a_newer_build', '1')";
    });
    EXPECT_EQ(store.get("shop_name"), "Rental PlayStation") << "cached until reloaded";
    store.reload();
    EXPECT_EQ(store.get("shop_name"), "Restored Shop");
    EXPECT_EQ(store.get("whatsapp_number"), "") << "an unreadable value falls back to its default";
    EXPECT_FALSE(store.all().contains("from_a_newer_build"));
}

}  // namespace
}  // namespace billing::host
