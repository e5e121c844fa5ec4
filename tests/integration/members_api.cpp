// Members, their package balances and package sales through the API of the
// real host: normalised phones, search, purchases and corrections, the sales
// of a day, events, audit, permissions, errors that change nothing, and a
// kill -9 that loses no committed sale.
#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

using nlohmann::json;

void expect_error(const HttpResult& result, int status, const std::string& code) {
    EXPECT_EQ(result.status, status) << result.body;
    EXPECT_EQ(result.error_code(), code) << result.body;
}

std::string member_path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/members/" + std::to_string(id) + rest;
}

// The payload of the next event on `topic`, which the host published.
json next_payload(SseClient& events, const std::string& topic) {
    auto event = next_event(events, topic);
    if (event.is_null()) return event;
    EXPECT_EQ(event["source"], "host") << event;
    return event["payload"];
}

class MembersApi : public ::testing::Test {
protected:
    void SetUp() override {
        token = admin_token(admin);
        one_hour = create_fixed_package(admin, {{"name", "1 Jam"}, {"price", 10000}});
    }

    // What a refused request must leave untouched: the member, its balances
    // and history, and every sale.
    json state_of(std::int64_t member) {
        return {{"member", admin.get(member_path(member)).json()},
                {"history", admin.get(member_path(member, "/history")).json()},
                {"sales", admin.get("/api/v1/sales").json()},
                {"members", admin.get("/api/v1/members").json()}};
    }

    HostProcess host;
    HttpClient admin{host.port()};
    std::string token;
    std::int64_t one_hour = 0;
};

TEST_F(MembersApi, MembersAreCreatedReadSearchedAndUpdated) {
    auto created = admin.post("/api/v1/members", {{"name", "Budi Santoso"}, {"phone", "0812-3456 7890"}, {"notes", "VIP"}});
    ASSERT_EQ(created.status, 201) << created.body;
    auto budi = created.json();
    EXPECT_EQ(budi["phone"], "6281234567890");
    EXPECT_EQ(budi["notes"], "VIP");
    EXPECT_TRUE(budi["created_at"].get<std::string>().ends_with("Z"));
    EXPECT_EQ(budi.size(), 6u) << budi;
    const auto id = budi["id"].get<std::int64_t>();
    const auto andi = create_member(admin, "Andi", "+62 857 0000 1111");

    auto read = admin.get(member_path(id)).json();
    EXPECT_EQ(read["name"], "Budi Santoso");
    EXPECT_EQ(read["balances"], json::array());

    auto all = admin.get("/api/v1/members").json();
    EXPECT_EQ(all["total"], 2);
    EXPECT_EQ(all["members"][0]["id"], andi);  // by name
    auto by_phone = admin.get("/api/v1/members?q=0812%203456").json();
    ASSERT_EQ(by_phone["members"].size(), 1u);
    EXPECT_EQ(by_phone["members"][0]["id"], id);
    auto by_name = admin.get("/api/v1/members?q=santoso").json();
    ASSERT_EQ(by_name["members"].size(), 1u);
    EXPECT_EQ(by_name["members"][0]["id"], id);
    EXPECT_EQ(admin.get("/api/v1/members?limit=1&offset=1").json()["members"][0]["id"], id);

    auto updated = admin.put(member_path(id), {{"phone", "+62 813 1111 2222"}, {"notes", ""}});
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_EQ(updated.json()["phone"], "6281311112222");
    EXPECT_EQ(updated.json()["notes"], "");
    EXPECT_EQ(updated.json()["name"], "Budi Santoso");
    EXPECT_EQ(admin.get(member_path(id)).json()["phone"], "6281311112222");
}

TEST_F(MembersApi, BadMembersAreRefusedWithDistinctCodesAndChangeNothing) {
    const auto budi = create_member(admin, "Budi", "081234567890");
    const auto andi = create_member(admin, "Andi", "081300001111");
    auto before = state_of(budi);
    expect_error(admin.post("/api/v1/members", {{"name", "Budi 2"}, {"phone", "+62 812 3456 7890"}}), 409, "phone_taken");
    expect_error(admin.post("/api/v1/members", {{"name", "Citra"}, {"phone", "0812"}}), 400, "invalid_phone");
    expect_error(admin.post("/api/v1/members", {{"name", "Citra"}}), 400, "missing_field");
    expect_error(admin.post("/api/v1/members", {{"name", ""}, {"phone", "0811111111"}}), 400, "invalid_field");
    expect_error(admin.post("/api/v1/members", {{"name", "Citra"}, {"phone", "0811111111"}, {"vip", true}}), 400,
                 "unknown_field");
    expect_error(admin.request("POST", "/api/v1/members", "{not json"), 400, "invalid_json");
    expect_error(admin.put(member_path(andi), {{"phone", "6281234567890"}}), 409, "phone_taken");
    expect_error(admin.put(member_path(999), {{"name", "X"}}), 404, "member_not_found");
    expect_error(admin.get(member_path(999)), 404, "member_not_found");
    expect_error(admin.get("/api/v1/members?limit=0"), 400, "invalid_parameter");
    EXPECT_EQ(state_of(budi), before);
}

TEST_F(MembersApi, APurchaseRecordsTheSaleAndTheUnitsTogether) {
    const auto budi = create_member(admin, "Budi", "081234567890");
    auto bought = admin.post(member_path(budi, "/purchases"), {{"package_id", one_hour}, {"units", 3}});
    ASSERT_EQ(bought.status, 201) << bought.body;
    auto sale = bought.json()["sale"];
    EXPECT_EQ(sale["kind"], "package");
    EXPECT_EQ(sale["amount"], 30000);
    EXPECT_EQ(sale["operator"], "admin");
    EXPECT_EQ(sale["member_id"], budi);
    EXPECT_EQ(sale["units"], 3);
    EXPECT_EQ(bought.json()["balance"], (json{{"package_id", one_hour}, {"package", "1 Jam"}, {"units", 3}}));

    auto sales = admin.get("/api/v1/sales?day=" + sale["business_day"].get<std::string>()).json();
    ASSERT_EQ(sales["sales"].size(), 1u);
    EXPECT_EQ(sales["sales"][0], sale);
    EXPECT_EQ(sales["total_amount"], 30000);

    auto discounted = admin.post(member_path(budi, "/purchases"), {{"package_id", one_hour}, {"amount", 5000}});
    ASSERT_EQ(discounted.status, 201) << discounted.body;
    EXPECT_EQ(discounted.json()["balance"]["units"], 4);
    EXPECT_EQ(admin.get("/api/v1/sales").json()["total_amount"], 35000);
    EXPECT_EQ(admin.get(member_path(budi, "/balances")).json()["balances"][0]["units"], 4);

    auto history = admin.get(member_path(budi, "/history")).json()["entries"];
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0]["kind"], "bought");
    EXPECT_EQ(history[0]["units_after"], 4);
    EXPECT_EQ(history[0]["sale_id"], discounted.json()["sale"]["id"]);
}

TEST_F(MembersApi, GrantsAndCorrectionsExplainEveryChangeAndNeverGoBelowZero) {
    const auto budi = create_member(admin, "Budi", "081234567890");
    auto granted = admin.post(member_path(budi, "/balance-changes"), {{"package_id", one_hour}, {"change", 2}, {"reason", "ulang tahun"}});
    ASSERT_EQ(granted.status, 200) << granted.body;
    EXPECT_EQ(granted.json()["balance"]["units"], 2);
    auto corrected = admin.post(member_path(budi, "/balance-changes"), {{"package_id", one_hour}, {"change", -1}, {"reason", "salah input"}});
    EXPECT_EQ(corrected.json()["balance"]["units"], 1);

    auto history = admin.get(member_path(budi, "/history")).json()["entries"];
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0]["kind"], "adjusted");
    EXPECT_EQ(history[0]["reason"], "salah input");
    EXPECT_EQ(history[0]["actor"], "admin");
    EXPECT_EQ(history[1]["kind"], "granted");
    // A grant is no sale.
    EXPECT_TRUE(admin.get("/api/v1/sales").json()["sales"].empty());

    auto before = state_of(budi);
    expect_error(admin.post(member_path(budi, "/balance-changes"), {{"package_id", one_hour}, {"change", -2}, {"reason", "x"}}),
                 409, "package_not_held");
    expect_error(admin.post(member_path(budi, "/balance-changes"), {{"package_id", one_hour}, {"change", 1}}), 400,
                 "missing_field");
    expect_error(admin.post(member_path(budi, "/balance-changes"), {{"package_id", one_hour}, {"change", 0}, {"reason", "x"}}),
                 400, "invalid_field");
    expect_error(admin.post(member_path(budi, "/balance-changes"), {{"package_id", 999}, {"change", 1}, {"reason", "x"}}),
                 404, "package_not_found");
    EXPECT_EQ(state_of(budi), before);
}

TEST_F(MembersApi, BadPurchasesAreRefusedWithDistinctCodesAndChangeNothing) {
    const auto budi = create_member(admin, "Budi", "081234567890");
    const auto retired = create_fixed_package(admin, {{"name", "Lama"}});
    ASSERT_EQ(admin.put("/api/v1/packages/" + std::to_string(retired), {{"active", false}}).status, 200);
    const auto open_play = create_open_package(admin);
    auto before = state_of(budi);
    expect_error(admin.post(member_path(budi, "/purchases"), {{"package_id", retired}}), 409, "package_inactive");
    expect_error(admin.post(member_path(budi, "/purchases"), {{"package_id", open_play}}), 409, "package_open_play");
    expect_error(admin.post(member_path(budi, "/purchases"), {{"package_id", 999}}), 404, "package_not_found");
    expect_error(admin.post(member_path(budi, "/purchases"), {{"package_id", one_hour}, {"amount", -1}}), 400, "invalid_price");
    expect_error(admin.post(member_path(budi, "/purchases"), {{"package_id", one_hour}, {"units", 101}}), 400, "invalid_field");
    expect_error(admin.post(member_path(999, "/purchases"), {{"package_id", one_hour}}), 404, "member_not_found");
    expect_error(admin.get("/api/v1/sales?day=2026-02-30"), 400, "invalid_parameter");
    EXPECT_EQ(state_of(budi), before);
}

TEST_F(MembersApi, EveryChangeIsStreamedWithItsActor) {
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    const auto budi = create_member(admin, "Budi", "081234567890");
    auto created = next_payload(events, "member.created");
    EXPECT_EQ(created["member"]["id"], budi);
    EXPECT_EQ(created["member"]["phone"], "6281234567890");
    EXPECT_EQ(created["actor"], "admin");

    ASSERT_EQ(admin.put(member_path(budi), {{"notes", "VIP"}}).status, 200);
    auto updated = next_payload(events, "member.updated");
    EXPECT_EQ(updated["changed"], json{"notes"});
    EXPECT_EQ(updated["member"]["notes"], "VIP");

    auto sale = admin.post(member_path(budi, "/purchases"), {{"package_id", one_hour}, {"units", 2}}).json()["sale"];
    EXPECT_EQ(next_payload(events, "member.package_bought"), (json{{"member_id", budi},
                                                                   {"package_id", one_hour},
                                                                   {"units", 2},
                                                                   {"amount", 20000},
                                                                   {"sale_id", sale["id"]},
                                                                   {"actor", "admin"}}));
    auto changed = next_payload(events, "member.balance_changed");
    EXPECT_EQ(changed["kind"], "bought");
    EXPECT_EQ(changed["units"], 2);

    admin.post(member_path(budi, "/balance-changes"), {{"package_id", one_hour}, {"change", -1}, {"reason", "salah"}});
    EXPECT_EQ(next_payload(events, "member.balance_changed"), (json{{"member_id", budi},
                                                                    {"package_id", one_hour},
                                                                    {"kind", "adjusted"},
                                                                    {"change", -1},
                                                                    {"units", 1},
                                                                    {"actor", "admin"},
                                                                    {"reason", "salah"},
                                                                    {"session_id", nullptr}}));
}

TEST_F(MembersApi, MutationsAreAuditedWithTheirTarget) {
    const auto budi = create_member(admin, "Budi", "081234567890");
    admin.post(member_path(budi, "/purchases"), {{"package_id", one_hour}, {"units", 2}});
    admin.post(member_path(budi, "/balance-changes"), {{"package_id", one_hour}, {"change", -3}, {"reason", "x"}});

    auto created = admin.get("/api/v1/audit?action=members.create").json()["entries"];
    ASSERT_EQ(created.size(), 1u);
    EXPECT_EQ(created[0]["target"], "member:" + std::to_string(budi));
    EXPECT_EQ(created[0]["status"], 201);
    auto sold = admin.get("/api/v1/audit?action=members.sell_package").json()["entries"];
    ASSERT_EQ(sold.size(), 1u);
    EXPECT_EQ(sold[0]["details"]["amount"], 20000);
    EXPECT_EQ(sold[0]["details"]["units"], 2);
    // A refused change is audited too, with its status.
    auto refused = admin.get("/api/v1/audit?action=members.change_balance").json()["entries"];
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0]["status"], 409);
}

TEST_F(MembersApi, EachRouteNeedsItsPermission) {
    const auto budi = create_member(admin, "Budi", "081234567890");
    HttpClient viewer(host.port());
    viewer.set_token(create_operator(admin, "viewer", {"members.view"}));
    EXPECT_EQ(viewer.get("/api/v1/members").status, 200);
    EXPECT_EQ(viewer.get(member_path(budi, "/history")).status, 200);
    expect_error(viewer.post("/api/v1/members", {{"name", "X"}, {"phone", "0811111111"}}), 403, "forbidden");
    expect_error(viewer.post(member_path(budi, "/purchases"), {{"package_id", one_hour}}), 403, "forbidden");
    expect_error(viewer.get("/api/v1/sales"), 403, "forbidden");

    HttpClient cashier(host.port());
    cashier.set_token(create_operator(admin, "kasir", {"members.manage", "sales.view"}));
    auto bought = cashier.post(member_path(budi, "/purchases"), {{"package_id", one_hour}});
    ASSERT_EQ(bought.status, 201) << bought.body;
    EXPECT_EQ(bought.json()["sale"]["operator"], "kasir");
    EXPECT_EQ(cashier.get("/api/v1/sales").status, 200);
    expect_error(cashier.get("/api/v1/members"), 403, "forbidden");

    HttpClient anonymous(host.port());
    expect_error(anonymous.get("/api/v1/members"), 401, "unauthorized");
}

TEST_F(MembersApi, CommittedSalesAndBalancesSurviveAKill9) {
    const auto budi = create_member(admin, "Budi", "081234567890");
    ASSERT_EQ(admin.post(member_path(budi, "/purchases"), {{"package_id", one_hour}, {"units", 2}}).status, 201);
    auto before = state_of(budi);
    host.kill9();
    host.start();
    EXPECT_EQ(state_of(budi), before);
}

}  // namespace
}  // namespace billing::test
