#include "catalog/station_store.hpp"

#include <atomic>
#include <latch>
#include <thread>

#include <gmock/gmock.h>
#include <soci/soci.h>

#include "unit/catalog/catalog_fixture.hpp"

namespace billing::host::test {
namespace {

using testing::ElementsAre;

using StationStoreTest = CatalogTest;

std::vector<std::string> codes_of(const std::vector<Station>& stations) {
    std::vector<std::string> codes;
    for (const auto& station : stations) codes.push_back(station.code);
    return codes;
}

TEST_F(StationStoreTest, CreateStoresTheCodeInUpperCaseWithDefaults) {
    auto created = stations.create({{"code", "tv01"}, {"console_type", "PS4"}}, "admin");
    EXPECT_GT(created.id, 0);
    EXPECT_EQ(created.code, "TV01");
    EXPECT_EQ(created.name, "");
    EXPECT_EQ(created.console_type, "PS4");
    EXPECT_FALSE(created.tariff_package_id);
    EXPECT_FALSE(created.ip_address);
    EXPECT_TRUE(created.enabled);
    EXPECT_FALSE(created.maintenance);
    EXPECT_GT(created.created_at, 0);
    EXPECT_EQ(created.created_at, created.updated_at);

    EXPECT_EQ(nlohmann::json(stations.get(created.id)), nlohmann::json(created));
    ASSERT_TRUE(stations.find_by_code("Tv01"));
    EXPECT_EQ(stations.find_by_code("Tv01")->id, created.id);
    EXPECT_FALSE(stations.find_by_code("TV02"));
    EXPECT_THAT(codes_of(stations.list()), ElementsAre("TV01"));
}

TEST_F(StationStoreTest, CreateTakesEveryField) {
    auto tariff = open_play("PS5");
    auto created = stations.create({{"code", "VIP-1"},
                                    {"name", "  Ruang VIP  "},
                                    {"console_type", "PS5"},
                                    {"tariff_package_id", tariff.id},
                                    {"ip_address", "192.168.1.20"},
                                    {"enabled", false},
                                    {"maintenance", true}},
                                   "admin");
    EXPECT_EQ(created.code, "VIP-1");
    EXPECT_EQ(created.name, "Ruang VIP");
    EXPECT_EQ(created.tariff_package_id, tariff.id);
    EXPECT_EQ(created.ip_address, "192.168.1.20");
    EXPECT_FALSE(created.enabled);
    EXPECT_TRUE(created.maintenance);
}

TEST_F(StationStoreTest, StationsSurviveReopeningTheDatabase) {
    auto tariff = open_play();
    auto with_everything = station("TV01", {{"name", "Pojok"}, {"tariff_package_id", tariff.id},
                                            {"ip_address", "fe80::1"}, {"maintenance", true}});
    auto plain = station("TV02", {{"enabled", false}});

    Database reopened({.file = db.database.file()});
    EventBus other_bus;
    PackageStore other_packages(reopened, other_bus);
    StationStore other(reopened, other_bus, other_packages);
    EXPECT_EQ(nlohmann::json(other.list()), nlohmann::json(std::vector<Station>{with_everything, plain}));
}

TEST_F(StationStoreTest, CreatePublishesTheStationAfterItIsCommittedAndCached) {
    // What a subscriber sees when the event arrives: the row and the cache.
    long long rows_seen = -1;
    bool cached = false;
    bus.subscribe(
        "observer", "station.created",
        [&](const sdk::Event& event) {
            const std::string code = event.payload["station"]["code"];
            db.database.read([&](soci::session& session) {
                session << "SELECT COUNT(*) FROM stations WHERE code = :code", soci::into(rows_seen), soci::use(code);
            });
            cached = stations.find_by_code(code).has_value();
        },
        [](std::function<void()> job) { job(); });

    auto created = station("TV01");
    auto events = events_seen();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].topic, "station.created");
    EXPECT_EQ(events[0].source, "host");
    EXPECT_EQ(events[0].payload, (nlohmann::json{{"station", created}, {"actor", "admin"}}));
    EXPECT_EQ(rows_seen, 1);
    EXPECT_TRUE(cached);
}

TEST_F(StationStoreTest, CodesAreUniqueWithoutRegardToCase) {
    auto first = station("TV01");
    const auto before = state();
    EXPECT_EQ(refusal([&] { station("tv01"); }), "station_code_taken");
    EXPECT_EQ(state(), before);
    try {
        station("Tv01");
    } catch (const sdk::ApiError& error) {
        EXPECT_EQ(error.status(), 409);
        EXPECT_THAT(error.what(), testing::HasSubstr("TV01"));
        EXPECT_THAT(error.what(), testing::HasSubstr(std::to_string(first.id)));
    }
}

TEST_F(StationStoreTest, RefusesBadFieldsNamingThemAndChangesNothing) {
    station("TV01");
    const auto before = state();
    struct Case {
        nlohmann::json body;
        std::string code;
        std::string field;
    };
    const std::vector<Case> cases = {
        {{{"console_type", "PS4"}}, "missing_field", "code"},
        {{{"code", "TV02"}}, "missing_field", "console_type"},
        {{{"code", nullptr}, {"console_type", "PS4"}}, "missing_field", "code"},
        {{{"code", ""}, {"console_type", "PS4"}}, "invalid_field", "code"},
        {{{"code", "TV 02"}, {"console_type", "PS4"}}, "invalid_field", "code"},
        {{{"code", "TV/02"}, {"console_type", "PS4"}}, "invalid_field", "code"},
        {{{"code", "ABCDEFGHIJKLMNOPQ"}, {"console_type", "PS4"}}, "invalid_field", "code"},
        {{{"code", 2}, {"console_type", "PS4"}}, "invalid_field", "code"},
        {{{"code", "TV02"}, {"console_type", "PS6"}}, "invalid_field", "console_type"},
        {{{"code", "TV02"}, {"console_type", "ps4"}}, "invalid_field", "console_type"},
        {{{"code", "TV02"}, {"console_type", "PS4"}, {"name", std::string(61, 'x')}}, "invalid_field", "name"},
        {{{"code", "TV02"}, {"console_type", "PS4"}, {"name", "two\nlines"}}, "invalid_field", "name"},
        {{{"code", "TV02"}, {"console_type", "PS4"}, {"ip_address", "300.1.1.1"}}, "invalid_field", "ip_address"},
        {{{"code", "TV02"}, {"console_type", "PS4"}, {"ip_address", "192.168.1"}}, "invalid_field", "ip_address"},
        {{{"code", "TV02"}, {"console_type", "PS4"}, {"ip_address", 12}}, "invalid_field", "ip_address"},
        {{{"code", "TV02"}, {"console_type", "PS4"}, {"enabled", "yes"}}, "invalid_field", "enabled"},
        {{{"code", "TV02"}, {"console_type", "PS4"}, {"maintenance", 1}}, "invalid_field", "maintenance"},
        {{{"code", "TV02"}, {"console_type", "PS4"}, {"tariff_package_id", 0}}, "invalid_field", "tariff_package_id"},
        {{{"code", "TV02"}, {"console_type", "PS4"}, {"tariff_package_id", "1"}}, "invalid_field", "tariff_package_id"},
        {{{"code", "TV02"}, {"console_type", "PS4"}, {"colour", "red"}}, "unknown_field", "colour"},
        {nlohmann::json::array({"TV02"}), "invalid_body", "station"},
    };
    for (const auto& c : cases) {
        try {
            stations.create(c.body, "admin");
            ADD_FAILURE() << "accepted " << c.body.dump();
        } catch (const sdk::ApiError& error) {
            EXPECT_EQ(error.status(), 400) << c.body.dump();
            EXPECT_EQ(error.code(), c.code) << c.body.dump();
            EXPECT_THAT(error.what(), testing::HasSubstr(c.field)) << c.body.dump();
        }
    }
    EXPECT_EQ(state(), before);
}

TEST_F(StationStoreTest, IpAddressesAreStoredInOneSpellingAndUnique) {
    auto v4 = station("TV01", {{"ip_address", "192.168.1.20"}});
    auto v6 = station("TV02", {{"ip_address", "FE80:0:0::0001"}});
    EXPECT_EQ(v6.ip_address, "fe80::1");
    EXPECT_FALSE(station("TV03", {{"ip_address", ""}}).ip_address) << "an empty address means none";

    const auto before = state();
    EXPECT_EQ(refusal([&] { station("TV04", {{"ip_address", "192.168.1.20"}}); }), "station_ip_taken");
    EXPECT_EQ(refusal([&] { station("TV04", {{"ip_address", "::ffff:192.168.1.20"}}); }), "station_ip_taken");
    EXPECT_EQ(refusal([&] { station("TV04", {{"ip_address", "fe80::0:1"}}); }), "station_ip_taken");
    EXPECT_EQ(refusal([&] { station("TV04", {{"ip_address", "192.168.001.020"}}); }), "invalid_field")
        << "leading zeros are ambiguous (octal?)";
    EXPECT_EQ(state(), before);

    // How a dual-stack socket reports an IPv4 TV still finds its station.
    ASSERT_TRUE(stations.find_by_ip("::ffff:192.168.1.20"));
    EXPECT_EQ(stations.find_by_ip("::ffff:192.168.1.20")->id, v4.id);
    EXPECT_EQ(stations.find_by_ip("fe80::0001")->id, v6.id);
    EXPECT_FALSE(stations.find_by_ip("192.168.1.21"));
    EXPECT_FALSE(stations.find_by_ip("not an address"));
}

TEST_F(StationStoreTest, TheTariffMustBeAnActiveOpenPlayPackageForTheConsole) {
    auto for_ps5 = open_play("PS5", "PS5 open");
    auto for_any = open_play("any", "Any open");
    auto one_hour = fixed("any");
    auto retired = open_play("PS4", "Old");
    packages.update(retired.id, {{"active", false}}, "admin");

    const auto before = state();
    EXPECT_EQ(refusal([&] { station("TV01", {{"tariff_package_id", 999}}); }), "package_not_found");
    EXPECT_EQ(refusal([&] { station("TV01", {{"tariff_package_id", one_hour.id}}); }), "package_not_open_play");
    EXPECT_EQ(refusal([&] { station("TV01", {{"tariff_package_id", for_ps5.id}}); }), "package_console_mismatch");
    EXPECT_EQ(refusal([&] { station("TV01", {{"tariff_package_id", retired.id}}); }), "package_inactive");
    EXPECT_EQ(state(), before);

    EXPECT_EQ(station("TV01", {{"tariff_package_id", for_any.id}}).tariff_package_id, for_any.id);
    EXPECT_EQ(station("TV02", {{"console_type", "PS5"}, {"tariff_package_id", for_ps5.id}}).tariff_package_id,
              for_ps5.id);
}

TEST_F(StationStoreTest, ChangingTheConsoleChecksTheTariffAgainButOtherChangesDoNot) {
    auto for_ps4 = open_play("PS4");
    auto tv = station("TV01", {{"tariff_package_id", for_ps4.id}});
    auto before = state();
    EXPECT_EQ(refusal([&] { stations.update(tv.id, {{"console_type", "PS5"}}, "admin"); }), "package_console_mismatch");
    EXPECT_EQ(state(), before);

    // A package retired after it became the tariff does not block renaming.
    packages.update(for_ps4.id, {{"active", false}}, "admin");
    EXPECT_EQ(stations.update(tv.id, {{"name", "Pojok"}}, "admin").name, "Pojok");
    // Changing both together is fine, as is clearing the tariff.
    auto for_ps5 = open_play("PS5");
    auto moved = stations.update(tv.id, {{"console_type", "PS5"}, {"tariff_package_id", for_ps5.id}}, "admin");
    EXPECT_EQ(moved.console_type, "PS5");
    EXPECT_FALSE(stations.update(tv.id, {{"tariff_package_id", nullptr}}, "admin").tariff_package_id);
}

TEST_F(StationStoreTest, UpdateChangesOnlyTheGivenFieldsAndPublishesWhichChanged) {
    auto tv = station("TV01", {{"name", "Pojok"}, {"ip_address", "10.0.0.5"}});
    const auto events_before = events_seen().size();
    const auto version_before = stations.version();

    auto updated = stations.update(tv.id, {{"name", "Depan"}, {"maintenance", true}, {"enabled", true}}, "kasir");
    EXPECT_EQ(updated.name, "Depan");
    EXPECT_TRUE(updated.maintenance);
    EXPECT_EQ(updated.code, "TV01");
    EXPECT_EQ(updated.ip_address, "10.0.0.5");
    EXPECT_EQ(updated.created_at, tv.created_at);
    EXPECT_GE(updated.updated_at, tv.updated_at);
    EXPECT_EQ(nlohmann::json(stations.get(tv.id)), nlohmann::json(updated));
    EXPECT_GT(stations.version(), version_before);

    auto events = events_seen();
    ASSERT_EQ(events.size(), events_before + 1);
    EXPECT_EQ(events.back().topic, "station.updated");
    EXPECT_EQ(events.back().payload, (nlohmann::json{{"station", updated},
                                                     {"changed", {"maintenance", "name"}},
                                                     {"actor", "kasir"}}));
}

TEST_F(StationStoreTest, AnUpdateThatChangesNothingWritesAndPublishesNothing) {
    auto tv = station("TV01", {{"name", "Pojok"}});
    const auto before = state();
    auto same = stations.update(tv.id, {{"code", "tv01"}, {"name", " Pojok "}, {"enabled", true}}, "admin");
    EXPECT_EQ(nlohmann::json(same), nlohmann::json(tv));
    stations.update(tv.id, nlohmann::json::object(), "admin");
    EXPECT_EQ(state(), before);
}

TEST_F(StationStoreTest, RenamingKeepsCodesUnique) {
    auto first = station("TV01");
    auto second = station("TV02");
    const auto before = state();
    EXPECT_EQ(refusal([&] { stations.update(second.id, {{"code", "tv01"}}, "admin"); }), "station_code_taken");
    EXPECT_EQ(refusal([&] { stations.update(second.id, {{"code", "TV 1"}}, "admin"); }), "invalid_field");
    EXPECT_EQ(refusal([&] { stations.update(second.id, {{"console_type", nullptr}}, "admin"); }), "missing_field");
    EXPECT_EQ(refusal([&] { stations.update(second.id, {{"id", 5}}, "admin"); }), "unknown_field");
    EXPECT_EQ(state(), before);

    auto renamed = stations.update(second.id, {{"code", "vip"}}, "admin");
    EXPECT_EQ(renamed.code, "VIP");
    EXPECT_FALSE(stations.find_by_code("TV02"));
    EXPECT_EQ(stations.find_by_code("vip")->id, second.id);
    EXPECT_EQ(stations.find_by_code("TV01")->id, first.id);
}

TEST_F(StationStoreTest, UpdateAndRemoveOfAnUnknownStationAre404) {
    try {
        stations.update(42, {{"name", "x"}}, "admin");
        ADD_FAILURE() << "updated station 42";
    } catch (const sdk::ApiError& error) {
        EXPECT_EQ(error.status(), 404);
        EXPECT_EQ(error.code(), "station_not_found");
        EXPECT_THAT(error.what(), testing::HasSubstr("42"));
    }
    EXPECT_EQ(refusal([&] { stations.remove(42, "admin"); }), "station_not_found");
    EXPECT_EQ(refusal([&] { stations.get(42); }), "station_not_found");
    EXPECT_FALSE(stations.find(42));
}

TEST_F(StationStoreTest, AStationWithALiveSessionCannotBeDisabledPutInMaintenanceOrDeleted) {
    auto tv = station("TV01");
    auto play = open_play();
    add_session(tv.id, play.id);

    const auto before = state();
    EXPECT_EQ(refusal([&] { stations.update(tv.id, {{"enabled", false}}, "admin"); }), "station_busy");
    EXPECT_EQ(refusal([&] { stations.update(tv.id, {{"maintenance", true}}, "admin"); }), "station_busy");
    EXPECT_EQ(refusal([&] { stations.update(tv.id, {{"name", "Baru"}, {"enabled", false}}, "admin"); }),
              "station_busy");
    EXPECT_EQ(refusal([&] { stations.remove(tv.id, "admin"); }), "station_busy");
    EXPECT_EQ(state(), before);

    // Other changes still go through.
    EXPECT_EQ(stations.update(tv.id, {{"name", "Baru"}}, "admin").name, "Baru");
}

TEST_F(StationStoreTest, TheSessionsModulesBusyCheckIsAskedAboutTheStation) {
    auto tv = station("TV01");
    auto other = station("TV02");
    std::vector<std::int64_t> asked;
    stations.set_busy_check([&](std::int64_t id) {
        asked.push_back(id);
        return id == tv.id;
    });
    const auto before = state();
    EXPECT_EQ(refusal([&] { stations.update(tv.id, {{"maintenance", true}}, "admin"); }), "station_busy");
    EXPECT_EQ(refusal([&] { stations.remove(tv.id, "admin"); }), "station_busy");
    EXPECT_EQ(state(), before);
    EXPECT_THAT(asked, ElementsAre(tv.id, tv.id));

    EXPECT_FALSE(stations.update(other.id, {{"enabled", false}}, "admin").enabled);
    // Re-enabling, or changing anything else, never needs the station idle.
    EXPECT_TRUE(stations.update(other.id, {{"enabled", true}}, "admin").enabled);
    EXPECT_EQ(stations.update(tv.id, {{"name", "x"}}, "admin").name, "x");
    EXPECT_THAT(asked, ElementsAre(tv.id, tv.id, other.id));
}

TEST_F(StationStoreTest, AStationWithHistoryCannotBeDeletedButCanBeDisabled) {
    auto tv = station("TV01");
    add_session(tv.id, open_play().id, /*ended=*/true);
    const auto before = state();
    try {
        stations.remove(tv.id, "admin");
        ADD_FAILURE() << "deleted a station with history";
    } catch (const sdk::ApiError& error) {
        EXPECT_EQ(error.status(), 409);
        EXPECT_EQ(error.code(), "station_in_use");
        EXPECT_THAT(error.what(), testing::HasSubstr("TV01"));
    }
    EXPECT_EQ(state(), before);
    EXPECT_FALSE(stations.update(tv.id, {{"enabled", false}}, "admin").enabled);
}

TEST_F(StationStoreTest, RemoveDeletesTheRowAndPublishesTheStation) {
    auto tv = station("TV01");
    auto kept = station("TV02");
    const auto version_before = stations.version();
    stations.remove(tv.id, "kasir");

    EXPECT_FALSE(stations.find(tv.id));
    EXPECT_FALSE(stations.find_by_code("TV01"));
    EXPECT_THAT(codes_of(stations.list()), ElementsAre("TV02"));
    EXPECT_GT(stations.version(), version_before);
    EXPECT_EQ(state()["station_rows"].size(), 1u);
    auto events = events_seen();
    EXPECT_EQ(events.back().topic, "station.deleted");
    EXPECT_EQ(events.back().payload, (nlohmann::json{{"station", tv}, {"actor", "kasir"}}));
    // Its code is free again.
    EXPECT_EQ(station("tv01").code, "TV01");
}

TEST_F(StationStoreTest, NextFreeCodeFillsTheFirstGap) {
    EXPECT_EQ(stations.next_free_code(), "TV01");
    station("tv01");
    station("TV02");
    EXPECT_EQ(stations.next_free_code(), "TV03");
    station("TV04");
    EXPECT_EQ(stations.next_free_code(), "TV03");
    station("TV03");
    EXPECT_EQ(stations.next_free_code(), "TV05");
}

TEST_F(StationStoreTest, ListIsOrderedByCodeReadingNumbersAsNumbers) {
    for (const char* code : {"TV10", "TV2", "TV01", "A1", "TV9"}) station(code);
    EXPECT_THAT(codes_of(stations.list()), ElementsAre("A1", "TV01", "TV2", "TV9", "TV10"));
}

TEST_F(StationStoreTest, ReadsComeFromMemoryUntilReload) {
    auto tv = station("TV01");
    execute("DELETE FROM stations");
    EXPECT_THAT(codes_of(stations.list()), ElementsAre("TV01"));
    EXPECT_TRUE(stations.find(tv.id));

    const auto version_before = stations.version();
    stations.reload();
    EXPECT_TRUE(stations.list().empty());
    EXPECT_FALSE(stations.find(tv.id));
    EXPECT_GT(stations.version(), version_before);
}

TEST_F(StationStoreTest, VersionBumpsOnEveryChange) {
    auto v0 = stations.version();
    auto tv = station("TV01");
    auto v1 = stations.version();
    stations.update(tv.id, {{"name", "x"}}, "admin");
    auto v2 = stations.version();
    stations.remove(tv.id, "admin");
    auto v3 = stations.version();
    EXPECT_LT(v0, v1);
    EXPECT_LT(v1, v2);
    EXPECT_LT(v2, v3);
}

TEST_F(StationStoreTest, OfTwoCreatesOfOneCodeAtOnceExactlyOneWins) {
    constexpr int contenders = 8;
    std::latch start(contenders);
    std::atomic<int> won{0}, taken{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < contenders; ++i) {
        threads.emplace_back([&, i] {
            nlohmann::json body = {{"code", i % 2 ? "tv01" : "TV01"}, {"console_type", "PS4"}};
            start.arrive_and_wait();
            auto code = refusal([&] { stations.create(body, "kasir"); });
            if (code.empty()) ++won;
            else if (code == "station_code_taken") ++taken;
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(won.load(), 1);
    EXPECT_EQ(taken.load(), contenders - 1);
    EXPECT_EQ(state()["station_rows"].size(), 1u);
    EXPECT_EQ(stations.list().size(), 1u);
    EXPECT_EQ(events_seen().size(), 1u);
}

TEST_F(StationStoreTest, ConcurrentCreatesOfDifferentCodesAllLand) {
    constexpr int creators = 8;
    std::latch start(creators);
    std::vector<std::thread> threads;
    for (int i = 0; i < creators; ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            EXPECT_EQ(refusal([&] { station("TV" + std::to_string(10 + i)); }), "");
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(stations.list().size(), static_cast<std::size_t>(creators));
    EXPECT_EQ(state()["station_rows"].size(), static_cast<std::size_t>(creators));
}

}  // namespace
}  // namespace billing::host::test
