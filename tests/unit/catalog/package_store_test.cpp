#include "catalog/package_store.hpp"

#include <gmock/gmock.h>
#include <soci/soci.h>

#include "unit/catalog/catalog_fixture.hpp"

namespace billing::host::test {
namespace {

using testing::ElementsAre;

using PackageStoreTest = CatalogTest;

nlohmann::json open_night_body() {
    return {{"name", "Main bebas PS5"}, {"console_type", "PS5"},   {"kind", "open"},
            {"price", 12000},           {"night_price", 15000},    {"night_from", "18:00"},
            {"night_until", "06:00"},   {"rounding_minutes", 15}, {"minimum_charge", 5000}};
}

std::vector<std::int64_t> ids_of(const std::vector<Package>& packages) {
    std::vector<std::int64_t> ids;
    for (const auto& package : packages) ids.push_back(package.id);
    return ids;
}

TEST_F(PackageStoreTest, CreatesAFixedPackageWithDefaults) {
    auto created = packages.create(
        {{"name", "1 jam"}, {"console_type", "PS4"}, {"kind", "fixed"}, {"duration_minutes", 60}, {"price", 10000}},
        "admin");
    EXPECT_GT(created.id, 0);
    EXPECT_EQ(created.name, "1 jam");
    EXPECT_EQ(created.console_type, "PS4");
    EXPECT_EQ(created.kind, "fixed");
    EXPECT_EQ(created.duration_minutes, 60);
    EXPECT_EQ(created.price, 10000);
    EXPECT_FALSE(created.night_price);
    EXPECT_FALSE(created.night_from);
    EXPECT_FALSE(created.night_until);
    EXPECT_EQ(created.rounding_minutes, 1);
    EXPECT_EQ(created.minimum_charge, 0);
    EXPECT_TRUE(created.active);
    EXPECT_GT(created.created_at, 0);
    EXPECT_EQ(created.created_at, created.updated_at);
    EXPECT_EQ(nlohmann::json(packages.get(created.id)), nlohmann::json(created));
}

TEST_F(PackageStoreTest, CreatesAnOpenPlayPackageWithANightPrice) {
    auto created = packages.create(open_night_body(), "admin");
    EXPECT_TRUE(created.is_open_play());
    EXPECT_FALSE(created.duration_minutes);
    EXPECT_EQ(created.night_price, 15000);
    EXPECT_EQ(created.night_from, "18:00");
    EXPECT_EQ(created.night_until, "06:00");
    EXPECT_EQ(created.rounding_minutes, 15);
    EXPECT_EQ(created.minimum_charge, 5000);
}

TEST_F(PackageStoreTest, PackagesSurviveReopeningTheDatabase) {
    auto open = packages.create(open_night_body(), "admin");
    auto one_hour = fixed("PS3");
    packages.update(one_hour.id, {{"active", false}}, "admin");

    Database reopened({.file = db.database.file()});
    EventBus other_bus;
    PackageStore other(reopened, other_bus);
    EXPECT_EQ(nlohmann::json(other.list()), nlohmann::json(packages.list()));
    EXPECT_EQ(other.get(open.id).night_from, "18:00");
}

TEST_F(PackageStoreTest, CreatePublishesThePackageAfterItIsCommittedAndCached) {
    long long rows_seen = -1;
    bool cached = false;
    bus.subscribe(
        "observer", "package.created",
        [&](const sdk::Event& event) {
            const long long id = event.payload["package"]["id"];
            db.database.read([&](soci::session& session) {
                session << "SELECT COUNT(*) FROM packages WHERE id = :id", soci::into(rows_seen), soci::use(id);
            });
            cached = packages.find(id).has_value();
        },
        [](std::function<void()> job) { job(); });

    auto created = packages.create(open_night_body(), "admin");
    auto events = events_seen();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].topic, "package.created");
    EXPECT_EQ(events[0].source, "host");
    EXPECT_EQ(events[0].payload, (nlohmann::json{{"package", created}, {"actor", "admin"}}));
    EXPECT_EQ(rows_seen, 1);
    EXPECT_TRUE(cached);
}

TEST_F(PackageStoreTest, RefusesBadPackagesWithTheirOwnCodesAndChangesNothing) {
    fixed();
    const auto before = state();
    const nlohmann::json valid_fixed = {
        {"name", "1 jam"}, {"console_type", "PS4"}, {"kind", "fixed"}, {"duration_minutes", 60}, {"price", 10000}};
    const nlohmann::json valid_open = {{"name", "Bebas"}, {"console_type", "any"}, {"kind", "open"}, {"price", 8000}};
    auto with = [](nlohmann::json body, const nlohmann::json& changes) {
        body.update(changes);
        return body;
    };
    auto without = [](nlohmann::json body, const char* field) {
        body.erase(field);
        return body;
    };
    struct Case {
        nlohmann::json body;
        std::string code;
        std::string named;  // what the message must mention
    };
    const std::vector<Case> cases = {
        {without(valid_fixed, "name"), "missing_field", "name"},
        {without(valid_fixed, "console_type"), "missing_field", "console_type"},
        {without(valid_fixed, "kind"), "missing_field", "kind"},
        {without(valid_fixed, "price"), "missing_field", "price"},
        {without(valid_fixed, "duration_minutes"), "missing_field", "duration_minutes"},
        {with(valid_open, {{"duration_minutes", 60}}), "invalid_field", "duration_minutes"},
        {with(valid_fixed, {{"duration_minutes", 0}}), "invalid_field", "duration_minutes"},
        {with(valid_fixed, {{"duration_minutes", 1441}}), "invalid_field", "duration_minutes"},
        {with(valid_fixed, {{"duration_minutes", "60"}}), "invalid_field", "duration_minutes"},
        {with(valid_fixed, {{"price", -1}}), "invalid_price", "price"},
        {with(valid_fixed, {{"price", 100'000'001}}), "invalid_price", "100000001"},
        {with(valid_fixed, {{"price", 10000.5}}), "invalid_price", "price"},
        {with(valid_fixed, {{"price", "10000"}}), "invalid_price", "price"},
        {with(valid_fixed, {{"price", 18446744073709551615ull}}), "invalid_price", "price"},
        {with(valid_open, {{"night_price", -5}, {"night_from", "18:00"}, {"night_until", "06:00"}}), "invalid_price",
         "night_price"},
        {with(valid_open, {{"minimum_charge", -1}}), "invalid_price", "minimum_charge"},
        {with(valid_open, {{"night_price", 9000}}), "invalid_night_window", "night_until"},
        {with(valid_open, {{"night_from", "18:00"}, {"night_until", "06:00"}}), "invalid_night_window", "night_price"},
        {with(valid_open, {{"night_price", 9000}, {"night_from", "24:00"}, {"night_until", "06:00"}}),
         "invalid_night_window", "night_from"},
        {with(valid_open, {{"night_price", 9000}, {"night_from", "18:00"}, {"night_until", "6:00"}}),
         "invalid_night_window", "night_until"},
        {with(valid_open, {{"night_price", 9000}, {"night_from", "18:60"}, {"night_until", "06:00"}}),
         "invalid_night_window", "night_from"},
        {with(valid_open, {{"night_price", 9000}, {"night_from", 1080}, {"night_until", "06:00"}}),
         "invalid_night_window", "night_from"},
        {with(valid_open, {{"night_price", 9000}, {"night_from", "18:00"}, {"night_until", "18:00"}}),
         "invalid_night_window", "18:00"},
        {with(valid_open, {{"rounding_minutes", 7}}), "invalid_field", "rounding_minutes"},
        {with(valid_open, {{"rounding_minutes", 0}}), "invalid_field", "rounding_minutes"},
        {with(valid_open, {{"rounding_minutes", 120}}), "invalid_field", "rounding_minutes"},
        {with(valid_open, {{"name", ""}}), "invalid_field", "name"},
        {with(valid_open, {{"name", "   "}}), "invalid_field", "name"},
        {with(valid_open, {{"name", std::string(61, 'x')}}), "invalid_field", "name"},
        {with(valid_open, {{"console_type", "PS6"}}), "invalid_field", "console_type"},
        {with(valid_open, {{"kind", "hourly"}}), "invalid_field", "kind"},
        {with(valid_open, {{"active", "no"}}), "invalid_field", "active"},
        {with(valid_open, {{"colour", "red"}}), "unknown_field", "colour"},
        {nlohmann::json::array(), "invalid_body", "package"},
    };
    for (const auto& c : cases) {
        try {
            packages.create(c.body, "admin");
            ADD_FAILURE() << "accepted " << c.body.dump();
        } catch (const sdk::ApiError& error) {
            EXPECT_EQ(error.status(), 400) << c.body.dump();
            EXPECT_EQ(error.code(), c.code) << c.body.dump() << ": " << error.what();
            EXPECT_THAT(error.what(), testing::HasSubstr(c.named)) << c.body.dump();
        }
    }
    EXPECT_EQ(state(), before);
}

TEST_F(PackageStoreTest, AcceptsTheLimits) {
    auto free_package = packages.create(
        {{"name", "Gratis"}, {"console_type", "other"}, {"kind", "fixed"}, {"duration_minutes", 1}, {"price", 0}},
        "admin");
    EXPECT_EQ(free_package.price, 0);
    auto day = packages.create({{"name", std::string(60, 'x')},
                                {"console_type", "PS3"},
                                {"kind", "fixed"},
                                {"duration_minutes", 1440},
                                {"price", 100'000'000}},
                               "admin");
    EXPECT_EQ(day.duration_minutes, 1440);
    // Sixty characters, not bytes: "é" takes two.
    std::string accented;
    for (int i = 0; i < 60; ++i) accented += "é";
    EXPECT_EQ(packages.create({{"name", accented}, {"console_type", "any"}, {"kind", "open"}, {"price", 1}}, "admin").name,
              accented);
    for (int minutes : {1, 5, 10, 15, 30, 60}) {
        auto package = packages.create(
            {{"name", "r"}, {"console_type", "any"}, {"kind", "open"}, {"price", 1}, {"rounding_minutes", minutes}},
            "admin");
        EXPECT_EQ(package.rounding_minutes, minutes);
    }
    auto midnight = packages.create({{"name", "Malam"},
                                     {"console_type", "any"},
                                     {"kind", "open"},
                                     {"price", 1},
                                     {"night_price", 0},
                                     {"night_from", "00:00"},
                                     {"night_until", "23:59"}},
                                    "admin");
    EXPECT_EQ(midnight.night_until, "23:59");
}

TEST_F(PackageStoreTest, UpdateChangesTheGivenFieldsAndPublishesWhichChanged) {
    auto package = packages.create(open_night_body(), "admin");
    const auto events_before = events_seen().size();
    const auto version_before = packages.version();

    auto updated = packages.update(package.id, {{"price", 13000}, {"kind", "open"}, {"name", "Main bebas PS5"}}, "kasir");
    EXPECT_EQ(updated.price, 13000);
    EXPECT_EQ(updated.night_price, 15000);
    EXPECT_EQ(updated.created_at, package.created_at);
    EXPECT_GE(updated.updated_at, package.updated_at);
    EXPECT_EQ(nlohmann::json(packages.get(package.id)), nlohmann::json(updated));
    EXPECT_GT(packages.version(), version_before);

    auto events = events_seen();
    ASSERT_EQ(events.size(), events_before + 1);
    EXPECT_EQ(events.back().topic, "package.updated");
    EXPECT_EQ(events.back().payload,
              (nlohmann::json{{"package", updated}, {"changed", {"price"}}, {"actor", "kasir"}}));
}

TEST_F(PackageStoreTest, AnUpdateThatChangesNothingWritesAndPublishesNothing) {
    auto package = fixed();
    const auto before = state();
    EXPECT_EQ(nlohmann::json(packages.update(package.id, {{"price", 10000}, {"active", true}}, "admin")),
              nlohmann::json(package));
    EXPECT_EQ(state(), before);
}

TEST_F(PackageStoreTest, TheKindIsLockedAfterCreation) {
    auto package = fixed();
    const auto before = state();
    try {
        packages.update(package.id, {{"kind", "open"}, {"duration_minutes", nullptr}}, "admin");
        ADD_FAILURE() << "changed the kind";
    } catch (const sdk::ApiError& error) {
        EXPECT_EQ(error.status(), 409);
        EXPECT_EQ(error.code(), "package_kind_locked");
        EXPECT_THAT(error.what(), testing::HasSubstr(std::to_string(package.id)));
    }
    EXPECT_EQ(state(), before);
}

TEST_F(PackageStoreTest, UpdatesAreCheckedAsAWhole) {
    auto open = packages.create(open_night_body(), "admin");
    auto one_hour = fixed();
    const auto before = state();
    EXPECT_EQ(refusal([&] { packages.update(open.id, {{"night_price", nullptr}}, "admin"); }), "invalid_night_window");
    EXPECT_EQ(refusal([&] { packages.update(open.id, {{"night_until", "18:00"}}, "admin"); }), "invalid_night_window");
    EXPECT_EQ(refusal([&] { packages.update(open.id, {{"duration_minutes", 30}}, "admin"); }), "invalid_field");
    EXPECT_EQ(refusal([&] { packages.update(one_hour.id, {{"duration_minutes", nullptr}}, "admin"); }), "missing_field");
    EXPECT_EQ(refusal([&] { packages.update(one_hour.id, {{"price", nullptr}}, "admin"); }), "invalid_price");
    EXPECT_EQ(refusal([&] { packages.update(one_hour.id, {{"price", -100}}, "admin"); }), "invalid_price");
    EXPECT_EQ(refusal([&] { packages.update(one_hour.id, {{"name", 5}}, "admin"); }), "invalid_field");
    EXPECT_EQ(refusal([&] { packages.update(one_hour.id, {{"id", one_hour.id}}, "admin"); }), "unknown_field");
    EXPECT_EQ(refusal([&] { packages.update(999, {{"price", 1}}, "admin"); }), "package_not_found");
    EXPECT_EQ(state(), before);

    // The window moves with a single field, and clears with all three.
    EXPECT_EQ(packages.update(open.id, {{"night_from", "17:00"}}, "admin").night_from, "17:00");
    auto cleared = packages.update(open.id, {{"night_price", nullptr}, {"night_from", nullptr}, {"night_until", nullptr}},
                                   "admin");
    EXPECT_FALSE(cleared.night_price);
    EXPECT_FALSE(cleared.night_from);
    EXPECT_FALSE(cleared.night_until);
    EXPECT_EQ(packages.update(one_hour.id, {{"duration_minutes", 90}}, "admin").duration_minutes, 90);
}

TEST_F(PackageStoreTest, RetiredPackagesStayButLeaveTheActiveList) {
    auto first = fixed("any", "1 jam");
    auto second = open_play();
    auto third = fixed("PS5", "2 jam");
    EXPECT_FALSE(packages.update(second.id, {{"active", false}}, "admin").active);

    EXPECT_THAT(ids_of(packages.list()), ElementsAre(first.id, second.id, third.id));
    EXPECT_THAT(ids_of(packages.list(false)), ElementsAre(first.id, third.id));
    EXPECT_FALSE(packages.get(second.id).active);
    EXPECT_TRUE(packages.update(second.id, {{"active", true}}, "admin").active);
    EXPECT_THAT(ids_of(packages.list(false)), ElementsAre(first.id, second.id, third.id));
}

TEST_F(PackageStoreTest, ReadsComeFromMemoryUntilReload) {
    auto package = fixed();
    execute("DELETE FROM packages");
    EXPECT_THAT(ids_of(packages.list()), ElementsAre(package.id));
    EXPECT_TRUE(packages.find(package.id));

    const auto version_before = packages.version();
    packages.reload();
    EXPECT_TRUE(packages.list().empty());
    EXPECT_EQ(refusal([&] { packages.get(package.id); }), "package_not_found");
    EXPECT_GT(packages.version(), version_before);
}

TEST_F(PackageStoreTest, VersionBumpsOnEveryChange) {
    auto v0 = packages.version();
    auto package = fixed();
    auto v1 = packages.version();
    packages.update(package.id, {{"active", false}}, "admin");
    auto v2 = packages.version();
    EXPECT_LT(v0, v1);
    EXPECT_LT(v1, v2);
}

}  // namespace
}  // namespace billing::host::test
