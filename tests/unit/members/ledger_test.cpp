#include "members/balance_ledger.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "members/sales_book.hpp"
#include "members/sales_listing.hpp"
#include "unit/members/members_fixture.hpp"

namespace billing::host {
namespace {

// The free functions the sessions module calls inside its own transactions.
class LedgerTest : public test::MembersFixture {
protected:
    LedgerTest() {
        one_hour = fixed_package("1 Jam PS4", 10'000);
        budi = member("Budi", "081234567890");
    }

    BalanceChange change(std::int64_t units, const std::string& kind) {
        return BalanceChange{.member_id = budi.id,
                             .package_id = one_hour.id,
                             .kind = kind,
                             .change = units,
                             .actor = "plugin:whatsapp",
                             .reason = "session on TV01",
                             .session_id = std::nullopt,
                             .sale_id = std::nullopt,
                             .at = 1'700'000'000'000};
    }
    std::int64_t apply(const BalanceChange& balance_change) {
        std::int64_t units = 0;
        db.database.write([&](soci::session& session) { units = apply_balance_change(session, balance_change); });
        return units;
    }
    std::int64_t units() {
        std::int64_t held = 0;
        db.database.read([&](soci::session& session) { held = balance_units(session, budi.id, one_hour.id); });
        return held;
    }
    Sale sale(const std::string& day, std::int64_t amount) {
        return Sale{.at = 1'700'000'000'000,
                    .business_day = day,
                    .kind = "session",
                    .amount = amount,
                    .operator_name = "kasir",
                    .member_id = std::nullopt,
                    .package_id = one_hour.id,
                    .session_id = std::nullopt,
                    .station_id = std::nullopt,
                    .units = 1};
    }
    std::int64_t record(const Sale& new_sale) {
        std::int64_t id = 0;
        db.database.write([&](soci::session& session) { id = record_sale(session, new_sale); });
        return id;
    }

    Package one_hour;
    Member budi;
};

TEST_F(LedgerTest, ANeverHeldPackageHoldsZeroUnits) { EXPECT_EQ(units(), 0); }

TEST_F(LedgerTest, ChangesAddUpAndEachIsWrittenToTheHistory) {
    EXPECT_EQ(apply(change(3, "granted")), 3);
    EXPECT_EQ(apply(change(-1, "used")), 2);
    EXPECT_EQ(apply(change(1, "refunded")), 3);
    EXPECT_EQ(units(), 3);

    auto entries = members.history(budi.id, std::nullopt, 10)["entries"];
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[1]["kind"], "used");
    EXPECT_EQ(entries[1]["change"], -1);
    EXPECT_EQ(entries[1]["units_after"], 2);
    EXPECT_EQ(entries[1]["actor"], "plugin:whatsapp");
    EXPECT_EQ(entries[1]["reason"], "session on TV01");
    EXPECT_EQ(entries[1]["at"], format_iso8601_utc(1'700'000'000'000));
}

TEST_F(LedgerTest, TakingMoreThanHeldIsRefusedAndWritesNothing) {
    apply(change(1, "granted"));
    auto before = snapshot();
    try {
        apply(change(-2, "used"));
        FAIL() << "took 2 units of 1";
    } catch (const sdk::ApiError& error) {
        EXPECT_EQ(error.status(), 409);
        EXPECT_EQ(error.code(), "package_not_held");
        EXPECT_NE(std::string(error.what()).find("package " + std::to_string(one_hour.id)), std::string::npos);
    }
    EXPECT_EQ(snapshot(), before);
}

TEST_F(LedgerTest, AChangeRollsBackWithTheCallersTransaction) {
    EXPECT_THROW(db.database.write([&](soci::session& session) {
        apply_balance_change(session, change(2, "granted"));
        throw std::runtime_error("the session could not start");
    }),
                 std::runtime_error);
    EXPECT_EQ(units(), 0);
    EXPECT_TRUE(members.history(budi.id, std::nullopt, 10)["entries"].empty());
}

TEST_F(LedgerTest, TheHistoryLinksTheSessionAndTheSale) {
    auto session_sale = sale("2026-11-21", 10'000);
    session_sale.member_id = budi.id;
    auto sale_id = record(session_sale);
    auto linked = change(2, "bought");
    linked.sale_id = sale_id;
    apply(linked);
    auto entry = members.history(budi.id, std::nullopt, 1)["entries"][0];
    EXPECT_EQ(entry["sale_id"], sale_id);
    EXPECT_TRUE(entry["session_id"].is_null());
}

TEST_F(LedgerTest, TheEventPayloadDescribesTheAppliedChange) {
    auto used = change(-1, "used");
    used.session_id = 41;
    EXPECT_EQ(balance_changed_payload(used, 4), (nlohmann::json{{"member_id", budi.id},
                                                               {"package_id", one_hour.id},
                                                               {"kind", "used"},
                                                               {"change", -1},
                                                               {"units", 4},
                                                               {"actor", "plugin:whatsapp"},
                                                               {"reason", "session on TV01"},
                                                               {"session_id", 41}}));
}

TEST_F(LedgerTest, SalesAreStoredWithEveryField) {
    auto full = sale("2026-11-21", 12'500);
    full.member_id = budi.id;
    full.units = 2;
    full.kind = "package";
    auto id = record(full);
    EXPECT_GT(id, 0);
    auto listed = list_sales(db.database, {.day = "2026-11-21", .before_id = std::nullopt, .limit = 10});
    ASSERT_EQ(listed["sales"].size(), 1u);
    EXPECT_EQ(listed["sales"][0], sale_json(id, full));
    EXPECT_EQ(listed["sales"][0], (nlohmann::json{{"id", id},
                                                 {"at", format_iso8601_utc(1'700'000'000'000)},
                                                 {"business_day", "2026-11-21"},
                                                 {"kind", "package"},
                                                 {"amount", 12'500},
                                                 {"operator", "kasir"},
                                                 {"member_id", budi.id},
                                                 {"package_id", one_hour.id},
                                                 {"session_id", nullptr},
                                                 {"station_id", nullptr},
                                                 {"units", 2}}));
}

TEST_F(LedgerTest, ANegativeSaleIsRefusedByTheDatabase) {
    EXPECT_THROW(record(sale("2026-11-21", -1)), DatabaseError);
}

TEST_F(LedgerTest, SalesListByDayNewestFirstWithTheDaysTotal) {
    auto first = record(sale("2026-11-21", 10'000));
    record(sale("2026-11-22", 99'000));
    auto second = record(sale("2026-11-21", 5'000));
    auto third = record(sale("2026-11-21", 0));

    auto page = list_sales(db.database, {.day = "2026-11-21", .before_id = std::nullopt, .limit = 2});
    ASSERT_EQ(page["sales"].size(), 2u);
    EXPECT_EQ(page["sales"][0]["id"], third);
    EXPECT_EQ(page["sales"][1]["id"], second);
    // The total covers the whole day, not only the page.
    EXPECT_EQ(page["total_amount"], 15'000);
    EXPECT_EQ(page["next_before_id"], second);

    auto rest = list_sales(db.database, {.day = "2026-11-21", .before_id = second, .limit = 2});
    ASSERT_EQ(rest["sales"].size(), 1u);
    EXPECT_EQ(rest["sales"][0]["id"], first);
    EXPECT_TRUE(rest["next_before_id"].is_null());

    auto every_day = list_sales(db.database, {.day = std::nullopt, .before_id = std::nullopt, .limit = 10});
    EXPECT_EQ(every_day["sales"].size(), 4u);
    EXPECT_EQ(every_day["total_amount"], 114'000);

    auto empty_day = list_sales(db.database, {.day = "2026-01-01", .before_id = std::nullopt, .limit = 10});
    EXPECT_TRUE(empty_day["sales"].empty());
    EXPECT_EQ(empty_day["total_amount"], 0);
}

}  // namespace
}  // namespace billing::host
