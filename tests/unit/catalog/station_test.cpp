#include "catalog/station.hpp"

#include <gtest/gtest.h>

namespace billing::host {
namespace {

TEST(Station, JsonHoldsEveryFieldWithIsoInstantsAndNulls) {
    Station station;
    station.id = 7;
    station.code = "TV07";
    station.name = "Pojok";
    station.console_type = "PS4";
    station.created_at = 1'700'000'000'000;
    station.updated_at = 1'700'000'000'001;
    EXPECT_EQ(nlohmann::json(station), nlohmann::json::parse(R"({
        "id": 7, "code": "TV07", "name": "Pojok", "console_type": "PS4", "tariff_package_id": null,
        "ip_address": null, "enabled": true, "maintenance": false,
        "created_at": "2023-11-14T22:13:20.000Z", "updated_at": "2023-11-14T22:13:20.001Z"})"));

    station.tariff_package_id = 2;
    station.ip_address = "10.0.0.7";
    EXPECT_EQ(nlohmann::json(station)["tariff_package_id"], 2);
    EXPECT_EQ(nlohmann::json(station)["ip_address"], "10.0.0.7");
}

}  // namespace
}  // namespace billing::host
