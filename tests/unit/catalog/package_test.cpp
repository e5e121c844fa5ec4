#include "catalog/package.hpp"

#include <gtest/gtest.h>

namespace billing::host {
namespace {

Package open_with_night() {
    Package package;
    package.id = 3;
    package.name = "Bebas";
    package.console_type = "PS5";
    package.kind = "open";
    package.price = 12000;
    package.night_price = 15000;
    package.night_from = "18:00";
    package.night_until = "06:30";
    package.rounding_minutes = 15;
    package.minimum_charge = 5000;
    package.created_at = 1'700'000'000'000;
    package.updated_at = 1'700'000'060'123;
    return package;
}

Package fixed_package(std::int64_t duration_minutes, std::int64_t price) {
    Package package;
    package.kind = "fixed";
    package.duration_minutes = duration_minutes;
    package.price = price;
    return package;
}

Package for_console(const std::string& console_type) {
    Package package;
    package.console_type = console_type;
    return package;
}

TEST(Package, JsonHoldsEveryFieldWithIsoInstantsAndNulls) {
    EXPECT_EQ(nlohmann::json(open_with_night()), nlohmann::json::parse(R"({
        "id": 3, "name": "Bebas", "console_type": "PS5", "kind": "open", "duration_minutes": null,
        "price": 12000, "night_price": 15000, "night_from": "18:00", "night_until": "06:30",
        "rounding_minutes": 15, "minimum_charge": 5000, "active": true,
        "created_at": "2023-11-14T22:13:20.000Z", "updated_at": "2023-11-14T22:14:20.123Z"})"));

    auto json = nlohmann::json(fixed_package(60, 10000));
    EXPECT_EQ(json["duration_minutes"], 60);
    EXPECT_TRUE(json["night_price"].is_null());
    EXPECT_TRUE(json["night_from"].is_null());
    EXPECT_TRUE(json["night_until"].is_null());
}

TEST(Package, TariffOfOpenPlayCarriesTheNightWindowInMinutesOfTheDay) {
    auto tariff = open_with_night().tariff();
    EXPECT_EQ(tariff.kind, Tariff::Kind::open);
    EXPECT_EQ(tariff.price, 12000);
    EXPECT_EQ(tariff.night_price, 15000);
    EXPECT_EQ(tariff.night_from_minute, 18 * 60);
    EXPECT_EQ(tariff.night_until_minute, 6 * 60 + 30);
    EXPECT_EQ(tariff.rounding_minutes, 15);
    EXPECT_EQ(tariff.minimum_charge, 5000);
}

TEST(Package, TariffOfAFixedPackageCarriesItsDuration) {
    auto tariff = fixed_package(90, 10000).tariff();
    EXPECT_EQ(tariff.kind, Tariff::Kind::fixed);
    EXPECT_EQ(tariff.duration_minutes, 90);
    EXPECT_EQ(tariff.price, 10000);
    EXPECT_FALSE(tariff.night_price);
}

TEST(Package, FitsItsConsoleTypeOrAny) {
    auto ps4 = for_console("PS4");
    EXPECT_TRUE(ps4.fits("PS4"));
    EXPECT_FALSE(ps4.fits("PS5"));
    auto any = for_console("any");
    EXPECT_TRUE(any.fits("PS3"));
    EXPECT_TRUE(any.fits("other"));
}

}  // namespace
}  // namespace billing::host
