#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "storage/database.hpp"
#include "unit/members/members_fixture.hpp"

namespace billing::host {
namespace {

class MemberBalanceTest : public test::MembersFixture {
protected:
    MemberBalanceTest() {
        one_hour = fixed_package("1 Jam PS4", 10'000);
        budi = member("Budi", "081234567890");
        forget_events();
    }

    std::int64_t units_of(std::int64_t member_id, std::int64_t package_id) {
        auto held = members.balances(member_id);
        for (const auto& balance : held["balances"])
            if (balance["package_id"] == package_id) return balance["units"];
        return 0;
    }
    nlohmann::json grant(std::int64_t units, const std::string& reason = "promo") {
        return members.change_balance(budi.id, {{"package_id", one_hour.id}, {"change", units}, {"reason", reason}},
                                      "admin");
    }

    Package one_hour;
    Member budi;
};

TEST_F(MemberBalanceTest, SellingAPackageRecordsTheSaleAndAddsTheUnits) {
    auto result = members.sell_package(budi.id, {{"package_id", one_hour.id}, {"units", 3}}, "kasir");
    const auto& sale = result["sale"];
    EXPECT_GT(sale["id"].get<std::int64_t>(), 0);
    EXPECT_EQ(sale["kind"], "package");
    EXPECT_EQ(sale["amount"], 30'000);
    EXPECT_EQ(sale["operator"], "kasir");
    EXPECT_EQ(sale["member_id"], budi.id);
    EXPECT_EQ(sale["package_id"], one_hour.id);
    EXPECT_EQ(sale["units"], 3);
    EXPECT_TRUE(sale["session_id"].is_null());
    EXPECT_TRUE(sale["station_id"].is_null());
    std::int64_t at = 0;
    ASSERT_TRUE(parse_instant(sale["at"], at));
    EXPECT_EQ(sale["business_day"], calendar.day_of(at));
    EXPECT_EQ(result["balance"], (nlohmann::json{{"package_id", one_hour.id}, {"package", "1 Jam PS4"}, {"units", 3}}));
    EXPECT_EQ(units_of(budi.id, one_hour.id), 3);

    auto more = members.sell_package(budi.id, {{"package_id", one_hour.id}}, "kasir");
    EXPECT_EQ(more["sale"]["amount"], 10'000);
    EXPECT_EQ(more["balance"]["units"], 4);
}

TEST_F(MemberBalanceTest, APurchasePublishesTheSaleThenTheBalanceChange) {
    auto result = members.sell_package(budi.id, {{"package_id", one_hour.id}, {"units", 2}, {"amount", 18'000}}, "kasir");
    auto events = recorded_events();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].topic, "member.package_bought");
    EXPECT_EQ(events[0].payload, (nlohmann::json{{"member_id", budi.id},
                                                 {"package_id", one_hour.id},
                                                 {"units", 2},
                                                 {"amount", 18'000},
                                                 {"sale_id", result["sale"]["id"]},
                                                 {"actor", "kasir"}}));
    EXPECT_EQ(events[1].topic, "member.balance_changed");
    EXPECT_EQ(events[1].payload, (nlohmann::json{{"member_id", budi.id},
                                                 {"package_id", one_hour.id},
                                                 {"kind", "bought"},
                                                 {"change", 2},
                                                 {"units", 2},
                                                 {"actor", "kasir"},
                                                 {"reason", ""},
                                                 {"session_id", nullptr}}));
}

TEST_F(MemberBalanceTest, AGivenAmountReplacesThePriceAndMayBeZero) {
    EXPECT_EQ(members.sell_package(budi.id, {{"package_id", one_hour.id}, {"units", 2}, {"amount", 15'000}}, "kasir")["sale"]["amount"],
              15'000);
    EXPECT_EQ(members.sell_package(budi.id, {{"package_id", one_hour.id}, {"amount", 0}}, "kasir")["sale"]["amount"], 0);
}

TEST_F(MemberBalanceTest, MembersPayTheDayPriceEvenWithANightPrice) {
    auto night = packages.create({{"name", "Malam"}, {"console_type", "PS5"}, {"kind", "fixed"}, {"duration_minutes", 60},
                                  {"price", 12'000}, {"night_price", 20'000}, {"night_from", "00:00"}, {"night_until", "23:59"}},
                                 "admin");
    EXPECT_EQ(members.sell_package(budi.id, {{"package_id", night.id}, {"units", 2}}, "kasir")["sale"]["amount"], 24'000);
}

TEST_F(MemberBalanceTest, APurchaseIsRefusedWithADistinctCodeAndChangesNothing) {
    auto retired = fixed_package("Lama", 5'000);
    packages.update(retired.id, {{"active", false}}, "admin");
    auto open_play = open_package("Main Bebas", 8'000);
    forget_events();
    auto sell = [&](std::int64_t member_id, nlohmann::json body) {
        return [this, member_id, body] { members.sell_package(member_id, body, "kasir"); };
    };
    EXPECT_EQ(refusal_changing_nothing(sell(999, {{"package_id", one_hour.id}})), "member_not_found");
    EXPECT_EQ(refusal_changing_nothing(sell(budi.id, {{"package_id", 999}})), "package_not_found");
    EXPECT_EQ(refusal_changing_nothing(sell(budi.id, {{"package_id", retired.id}})), "package_inactive");
    EXPECT_EQ(refusal_changing_nothing(sell(budi.id, {{"package_id", open_play.id}})), "package_open_play");
    EXPECT_EQ(refusal_changing_nothing(sell(budi.id, {{"package_id", one_hour.id}, {"amount", -1}})), "invalid_price");
    EXPECT_EQ(refusal_changing_nothing(sell(budi.id, {{"package_id", one_hour.id}, {"amount", 1.5}})), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(sell(budi.id, {{"package_id", one_hour.id}, {"units", 0}})), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(sell(budi.id, {{"package_id", one_hour.id}, {"units", 101}})), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(sell(budi.id, {{"units", 1}})), "missing_field");
    EXPECT_EQ(refusal_changing_nothing(sell(budi.id, {{"package_id", "1"}})), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(sell(budi.id, {{"package_id", one_hour.id}, {"price", 1}})), "unknown_field");
}

TEST_F(MemberBalanceTest, TheSaleAndTheBalanceCommitTogetherOrNotAtAll) {
    // The history row is written last: failing it must undo the sale and the units.
    db.database.write([](soci::session& session) {
        session << "CREATE TRIGGER refuse_history BEFORE INSERT ON balance_history BEGIN SELECT RAISE(ABORT, 'forced'); END";
    });
    auto before = snapshot();
    EXPECT_THROW(members.sell_package(budi.id, {{"package_id", one_hour.id}, {"units", 2}}, "kasir"), DatabaseError);
    EXPECT_EQ(snapshot(), before);
    EXPECT_TRUE(recorded_events().empty());
}

TEST_F(MemberBalanceTest, GrantsAndAdjustmentsMoveTheBalanceAndAreExplained) {
    EXPECT_EQ(grant(3, "birthday")["balance"]["units"], 3);
    auto taken = members.change_balance(budi.id, {{"package_id", one_hour.id}, {"change", -1}, {"reason", "typo"}}, "admin");
    EXPECT_EQ(taken["balance"], (nlohmann::json{{"package_id", one_hour.id}, {"package", "1 Jam PS4"}, {"units", 2}}));
    auto added = members.change_balance(
        budi.id, {{"package_id", one_hour.id}, {"change", 1}, {"reason", "recount"}, {"kind", "adjusted"}}, "admin");
    EXPECT_EQ(added["balance"]["units"], 3);

    auto entries = members.history(budi.id, std::nullopt, 10)["entries"];
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[2]["kind"], "granted");
    EXPECT_EQ(entries[2]["reason"], "birthday");
    EXPECT_EQ(entries[1]["kind"], "adjusted");
    EXPECT_EQ(entries[1]["change"], -1);
    EXPECT_EQ(entries[1]["units_after"], 2);
    EXPECT_EQ(entries[0]["kind"], "adjusted");
    EXPECT_EQ(entries[0]["actor"], "admin");

    auto events = recorded_events();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[1].topic, "member.balance_changed");
    EXPECT_EQ(events[1].payload, (nlohmann::json{{"member_id", budi.id},
                                                 {"package_id", one_hour.id},
                                                 {"kind", "adjusted"},
                                                 {"change", -1},
                                                 {"units", 2},
                                                 {"actor", "admin"},
                                                 {"reason", "typo"},
                                                 {"session_id", nullptr}}));
}

TEST_F(MemberBalanceTest, ABalanceNeverGoesBelowZero) {
    grant(1);
    forget_events();
    EXPECT_EQ(refusal_changing_nothing([&] {
                  members.change_balance(budi.id, {{"package_id", one_hour.id}, {"change", -2}, {"reason", "x"}}, "admin");
              }),
              "package_not_held");
    auto never_held = fixed_package("2 Jam", 18'000);
    EXPECT_EQ(refusal_changing_nothing([&] {
                  members.change_balance(budi.id, {{"package_id", never_held.id}, {"change", -1}, {"reason", "x"}}, "admin");
              }),
              "package_not_held");
}

TEST_F(MemberBalanceTest, ABalanceChangeIsRefusedWithADistinctCodeAndChangesNothing) {
    grant(2);
    auto retired = fixed_package("Lama", 5'000);
    packages.update(retired.id, {{"active", false}}, "admin");
    auto open_play = open_package("Main Bebas", 8'000);
    forget_events();
    auto change = [&](std::int64_t member_id, nlohmann::json body) {
        return [this, member_id, body] { members.change_balance(member_id, body, "admin"); };
    };
    nlohmann::json good = {{"package_id", one_hour.id}, {"change", 1}, {"reason", "promo"}};
    auto with = [&](const char* field, nlohmann::json value) {
        auto body = good;
        body[field] = std::move(value);
        return body;
    };
    auto without = [&](const char* field) {
        auto body = good;
        body.erase(field);
        return body;
    };
    EXPECT_EQ(refusal_changing_nothing(change(999, good)), "member_not_found");
    EXPECT_EQ(refusal_changing_nothing(change(budi.id, with("package_id", 999))), "package_not_found");
    EXPECT_EQ(refusal_changing_nothing(change(budi.id, with("package_id", retired.id))), "package_inactive");
    EXPECT_EQ(refusal_changing_nothing(change(budi.id, with("package_id", open_play.id))), "package_open_play");
    EXPECT_EQ(refusal_changing_nothing(change(budi.id, with("change", 0))), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(change(budi.id, with("change", 1001))), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(change(budi.id, with("change", -1001))), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(change(budi.id, without("change"))), "missing_field");
    EXPECT_EQ(refusal_changing_nothing(change(budi.id, without("reason"))), "missing_field");
    EXPECT_EQ(refusal_changing_nothing(change(budi.id, with("reason", "  "))), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(change(budi.id, with("reason", std::string(201, 'r')))), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(change(budi.id, with("kind", "bought"))), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(change(budi.id, with("kind", "used"))), "invalid_field");
    auto granted_but_taken = with("change", -1);
    granted_but_taken["kind"] = "granted";
    EXPECT_EQ(refusal_changing_nothing(change(budi.id, granted_but_taken)), "invalid_field");
    EXPECT_EQ(refusal_changing_nothing(change(budi.id, with("units", 1))), "unknown_field");
}

TEST_F(MemberBalanceTest, UnitsOfARetiredPackageCanStillBeTakenAway) {
    grant(2);
    packages.update(one_hour.id, {{"active", false}}, "admin");
    auto taken = members.change_balance(budi.id, {{"package_id", one_hour.id}, {"change", -2}, {"reason", "refund in cash"}},
                                        "admin");
    EXPECT_EQ(taken["balance"]["units"], 0);
}

TEST_F(MemberBalanceTest, BalancesListOnlyThePackagesHeld) {
    auto two_hours = fixed_package("2 Jam PS4", 18'000);
    EXPECT_EQ(members.balances(budi.id), (nlohmann::json{{"balances", nlohmann::json::array()}}));
    members.change_balance(budi.id, {{"package_id", two_hours.id}, {"change", 1}, {"reason", "promo"}}, "admin");
    grant(2);
    EXPECT_EQ(members.balances(budi.id)["balances"],
              (nlohmann::json{{{"package_id", one_hour.id}, {"package", "1 Jam PS4"}, {"units", 2}},
                              {{"package_id", two_hours.id}, {"package", "2 Jam PS4"}, {"units", 1}}}));
    members.change_balance(budi.id, {{"package_id", two_hours.id}, {"change", -1}, {"reason", "typo"}}, "admin");
    EXPECT_EQ(members.balances(budi.id)["balances"].size(), 1u);
    EXPECT_EQ(refusal([&] { members.balances(999); }), "member_not_found");
}

TEST_F(MemberBalanceTest, HistoryIsNewestFirstAndPages) {
    auto bought = members.sell_package(budi.id, {{"package_id", one_hour.id}}, "kasir");
    for (int i = 1; i <= 4; ++i) grant(1, "promo " + std::to_string(i));

    auto first = members.history(budi.id, std::nullopt, 2);
    ASSERT_EQ(first["entries"].size(), 2u);
    EXPECT_EQ(first["entries"][0]["reason"], "promo 4");
    EXPECT_EQ(first["entries"][0]["units_after"], 5);
    EXPECT_EQ(first["entries"][0]["package"], "1 Jam PS4");
    EXPECT_EQ(first["next_before_id"], first["entries"][1]["id"]);

    auto second = members.history(budi.id, first["next_before_id"].get<std::int64_t>(), 2);
    EXPECT_EQ(second["entries"][0]["reason"], "promo 2");
    auto last = members.history(budi.id, second["next_before_id"].get<std::int64_t>(), 2);
    ASSERT_EQ(last["entries"].size(), 1u);
    EXPECT_TRUE(last["next_before_id"].is_null());
    const auto& purchase = last["entries"][0];
    EXPECT_EQ(purchase["kind"], "bought");
    EXPECT_EQ(purchase["sale_id"], bought["sale"]["id"]);
    EXPECT_TRUE(purchase["session_id"].is_null());
    EXPECT_EQ(purchase["actor"], "kasir");

    // Exactly a full page: no next page is promised.
    EXPECT_TRUE(members.history(budi.id, std::nullopt, 5)["next_before_id"].is_null());
    EXPECT_EQ(refusal([&] { members.history(999, std::nullopt, 5); }), "member_not_found");
}

TEST_F(MemberBalanceTest, ConcurrentPurchasesAndUsesLoseNothing) {
    grant(100);
    constexpr int threads_per_side = 4, operations = 25;
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < threads_per_side; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < operations; ++i) {
                try {
                    members.sell_package(budi.id, {{"package_id", one_hour.id}}, "kasir");
                } catch (const std::exception&) {
                    ++failures;
                }
            }
        });
        threads.emplace_back([&] {
            for (int i = 0; i < operations; ++i) {
                try {
                    members.change_balance(budi.id, {{"package_id", one_hour.id}, {"change", -1}, {"reason", "used"}},
                                           "admin");
                } catch (const std::exception&) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(units_of(budi.id, one_hour.id), 100);
    long long sales = 0, history = 0, history_sum = 0;
    db.database.read([&](soci::session& session) {
        session << "SELECT COUNT(*) FROM sales", soci::into(sales);
        session << "SELECT COUNT(*), SUM(change) FROM balance_history", soci::into(history), soci::into(history_sum);
    });
    EXPECT_EQ(sales, threads_per_side * operations);
    EXPECT_EQ(history, 1 + 2 * threads_per_side * operations);
    EXPECT_EQ(history_sum, 100);
}

TEST_F(MemberBalanceTest, ConcurrentUsesOfTheLastUnitsTakeEachUnitOnce) {
    grant(10);
    std::atomic<int> taken{0}, not_held{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 5; ++i) {
                try {
                    members.change_balance(budi.id, {{"package_id", one_hour.id}, {"change", -1}, {"reason", "used"}},
                                           "admin");
                    ++taken;
                } catch (const sdk::ApiError& error) {
                    if (error.code() == "package_not_held") ++not_held;
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(taken, 10);
    EXPECT_EQ(not_held, 20);
    EXPECT_EQ(units_of(budi.id, one_hour.id), 0);
}

}  // namespace
}  // namespace billing::host
