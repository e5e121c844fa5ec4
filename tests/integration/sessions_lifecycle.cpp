// Sessions through the API of the real host: the whole life cycle, money,
// member balances, events, the session log, and the errors that change
// nothing.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/clock.hpp"
#include "support/command_run.hpp"
#include "support/eventually.hpp"
#include "support/test_support.hpp"

namespace billing::test {
namespace {

using nlohmann::json;

std::int64_t instant(const json& value) {
    std::int64_t unix_ms = 0;
    EXPECT_TRUE(host::parse_instant(value.get<std::string>(), unix_ms)) << value;
    return unix_ms;
}

std::string session_path(const json& session, const std::string& action = "") {
    return "/api/v1/sessions/" + std::to_string(session["id"].get<std::int64_t>()) + (action.empty() ? "" : "/" + action);
}

json station(HttpClient& client, std::int64_t id) { return client.get("/api/v1/stations/" + std::to_string(id)).json(); }

void expect_error(const HttpResult& result, int status, const std::string& code) {
    EXPECT_EQ(result.status, status) << result.body;
    EXPECT_EQ(result.error_code(), code) << result.body;
}

class SessionsLifecycle : public ::testing::Test {
protected:
    void SetUp() override {
        token = admin_token(admin);
        package = create_fixed_package(admin);
        tv01 = create_station(admin, "TV01");
        tv02 = create_station(admin, "TV02");
    }

    HostProcess host;
    HttpClient admin{host.port()};
    std::string token;
    std::int64_t package = 0, tv01 = 0, tv02 = 0;
};

TEST_F(SessionsLifecycle, WalkInSessionStartsExtendsPausesMovesAndStops) {
    SseClient events(host.port(), "/api/v1/events?token=" + token);

    auto started = admin.post("/api/v1/sessions", {{"station_code", "tv01"}, {"package_id", package}});
    ASSERT_EQ(started.status, 201) << started.body;
    auto session = started.json();
    EXPECT_EQ(session["station_code"], "TV01");
    EXPECT_EQ(session["state"], "running");
    EXPECT_EQ(session["kind"], "fixed");
    EXPECT_EQ(session["payment"], "cash");
    EXPECT_EQ(session["amount"], 10000);
    EXPECT_EQ(session["started_by"], "admin");
    EXPECT_EQ(instant(session["deadline_at"]) - instant(session["started_at"]), 60 * 60'000);
    EXPECT_GT(session["remaining_ms"].get<std::int64_t>(), 59 * 60'000);
    EXPECT_EQ(next_event(events, "session.started")["payload"]["session"]["id"], session["id"]);

    auto board = station(admin, tv01);
    EXPECT_EQ(board["state"], "active");
    EXPECT_EQ(board["session"]["id"], session["id"]);

    // Thirty more minutes, priced pro rata: Rp 5.000.
    auto extended = admin.post(session_path(session, "extend"), {{"minutes", 30}});
    ASSERT_EQ(extended.status, 200) << extended.body;
    EXPECT_EQ(instant(extended.json()["deadline_at"]) - instant(session["deadline_at"]), 30 * 60'000);
    EXPECT_EQ(extended.json()["amount"], 15000);
    EXPECT_EQ(next_event(events, "session.extended")["payload"]["amount"], 5000);

    // Paused, the remaining time stands still; resumed, the deadline moved
    // by the pause.
    auto paused = admin.post(session_path(session, "pause"));
    ASSERT_EQ(paused.status, 200) << paused.body;
    EXPECT_EQ(paused.json()["state"], "paused");
    EXPECT_EQ(station(admin, tv01)["state"], "paused");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(admin.get(session_path(session)).json()["remaining_ms"], paused.json()["remaining_ms"]);
    expect_error(admin.post(session_path(session, "pause")), 409, "session_paused");
    auto resumed = admin.post(session_path(session, "resume"));
    ASSERT_EQ(resumed.status, 200) << resumed.body;
    EXPECT_EQ(resumed.json()["state"], "running");
    EXPECT_GE(instant(resumed.json()["deadline_at"]) - instant(extended.json()["deadline_at"]), 300);
    EXPECT_GE(resumed.json()["paused_ms"].get<std::int64_t>(), 300);
    expect_error(admin.post(session_path(session, "resume")), 409, "session_not_paused");

    // Moved, the time carries over to the other station.
    auto moved = admin.post(session_path(session, "move"), {{"station_id", tv02}});
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(moved.json()["station_code"], "TV02");
    EXPECT_EQ(moved.json()["deadline_at"], resumed.json()["deadline_at"]);
    EXPECT_EQ(station(admin, tv01)["state"], "locked");
    EXPECT_EQ(station(admin, tv02)["state"], "active");
    auto moved_event = next_event(events, "session.moved")["payload"];
    EXPECT_EQ(moved_event["from_station"]["code"], "TV01");
    EXPECT_EQ(moved_event["to_station"]["code"], "TV02");

    auto stopped = admin.post(session_path(session, "stop"));
    ASSERT_EQ(stopped.status, 200) << stopped.body;
    EXPECT_EQ(stopped.json()["state"], "ended");
    EXPECT_EQ(stopped.json()["end_reason"], "stopped");
    EXPECT_EQ(stopped.json()["amount_due"], 0);  // a fixed package was paid up front
    EXPECT_EQ(station(admin, tv02)["state"], "locked");
    auto ended = next_event(events, "session.ended")["payload"];
    EXPECT_EQ(ended["reason"], "stopped");
    EXPECT_EQ(ended["amount"], 15000);
    expect_error(admin.post(session_path(session, "stop")), 409, "session_ended");

    // The session log tells the whole story, newest first; the money is in
    // the sales of the day.
    const auto day = session["business_day"].get<std::string>();
    auto log = admin.get("/api/v1/session-log?session=" + std::to_string(session["id"].get<std::int64_t>()));
    ASSERT_EQ(log.status, 200) << log.body;
    std::vector<std::string> story;
    const auto entries = log.json()["entries"];
    for (const auto& entry : entries) story.insert(story.begin(), entry["event"].get<std::string>());
    EXPECT_EQ(story, (std::vector<std::string>{"started", "extended", "paused", "resumed", "moved", "ended"}));
    auto sales = admin.get("/api/v1/sales?day=" + day).json();
    EXPECT_EQ(sales["total_amount"], 15000);
    EXPECT_EQ(sales["sales"].size(), 2u);

    // Every change is in the audit trail with its session as the target.
    auto audit = admin.get("/api/v1/audit?target=session:" + std::to_string(session["id"].get<std::int64_t>())).json();
    EXPECT_EQ(audit["entries"].size(), 6u) << audit;
}

TEST_F(SessionsLifecycle, AChangeWritesOneAuditRowAndARefusalItsOwn) {
    auto started = admin.post("/api/v1/sessions", {{"station_code", "TV01"}, {"package_id", package}});
    ASSERT_EQ(started.status, 201) << started.body;
    expect_error(admin.post("/api/v1/sessions", {{"station_code", "TV01"}, {"package_id", package}}), 409,
                 "station_busy");

    // Newest first: the refusal, then the change with what it changed.
    auto audit = admin.get("/api/v1/audit?action=sessions.start").json()["entries"];
    ASSERT_EQ(audit.size(), 2u) << audit;
    EXPECT_EQ(audit[0]["status"], 409);
    EXPECT_EQ(audit[0]["target"], "");
    const auto& change = audit[1];
    EXPECT_EQ(change["status"], 201);
    EXPECT_EQ(change["actor"], "admin");
    EXPECT_EQ(change["method"], "POST");
    EXPECT_EQ(change["path"], "/api/v1/sessions");
    EXPECT_EQ(change["remote_address"], "127.0.0.1");
    EXPECT_EQ(change["target"], "session:" + std::to_string(started.json()["id"].get<std::int64_t>()));
    EXPECT_EQ(change["details"]["station"], "TV01");
    EXPECT_EQ(change["details"]["amount"], 10000);
    EXPECT_EQ(change["details"]["package_id"], package);
}

TEST_F(SessionsLifecycle, AChangeWhoseAuditRowCannotBeWrittenIsNotMade) {
    // The audit row goes in the change's own transaction: when the database
    // refuses the row, the session, its sale and its log row go with it.
    const auto database = host.data_dir() / "billing.db";
    auto sql = [&](const std::string& statement) {
        auto run = run_command("sqlite3 -cmd '.timeout 5000' '" + database.string() + "' \"" + statement + "\" 2>&1");
        ASSERT_EQ(run.exit_code, 0) << run.output;
    };
    sql("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
    auto refused = admin.post("/api/v1/sessions", {{"station_code", "TV01"}, {"package_id", package}});
    EXPECT_EQ(refused.status, 503) << refused.body;
    EXPECT_EQ(refused.error_code(), "database_unavailable");
    EXPECT_NE(refused.body.find("audit refused"), std::string::npos) << refused.body;

    EXPECT_EQ(station(admin, tv01)["state"], "locked");
    EXPECT_TRUE(admin.get("/api/v1/sessions").json()["sessions"].empty());
    EXPECT_TRUE(admin.get("/api/v1/session-log?station=" + std::to_string(tv01)).json()["entries"].empty());
    EXPECT_TRUE(admin.get("/api/v1/sales").json()["sales"].empty());

    sql("DROP TRIGGER refuse_audit");
    EXPECT_EQ(admin.post("/api/v1/sessions", {{"station_code", "TV01"}, {"package_id", package}}).status, 201);
    EXPECT_EQ(station(admin, tv01)["state"], "active");
}

TEST_F(SessionsLifecycle, OpenPlayChargesTheTimeUsedWhenItStops) {
    const auto open = create_open_package(admin, {{"price", 6000}, {"minimum_charge", 3000}});
    auto started = admin.post("/api/v1/sessions", {{"station_id", tv01}, {"package_id", open}});
    ASSERT_EQ(started.status, 201) << started.body;
    EXPECT_TRUE(started.json()["deadline_at"].is_null());
    EXPECT_TRUE(started.json()["remaining_ms"].is_null());
    EXPECT_EQ(started.json()["amount"], 0);
    expect_error(admin.post(session_path(started.json(), "extend"), {{"minutes", 10}}), 409, "session_open_play");

    // A few seconds of play cost the minimum charge.
    auto stopped = admin.post(session_path(started.json(), "stop"));
    ASSERT_EQ(stopped.status, 200) << stopped.body;
    EXPECT_EQ(stopped.json()["amount_due"], 3000);
    EXPECT_EQ(stopped.json()["amount"], 3000);
    auto sales = admin.get("/api/v1/sales?day=" + started.json()["business_day"].get<std::string>()).json();
    EXPECT_EQ(sales["total_amount"], 3000);
}

TEST_F(SessionsLifecycle, StationTariffIsTheDefaultForWalkInOpenPlay) {
    const auto open = create_open_package(admin);
    ASSERT_EQ(admin.put("/api/v1/stations/" + std::to_string(tv01), {{"tariff_package_id", open}}).status, 200);
    auto started = admin.post("/api/v1/sessions", {{"station_id", tv01}});
    ASSERT_EQ(started.status, 201) << started.body;
    EXPECT_EQ(started.json()["package_id"], open);
    expect_error(admin.post("/api/v1/sessions", {{"station_id", tv02}}), 400, "missing_field");
}

TEST_F(SessionsLifecycle, MemberUsesABalanceUnitAndGetsItBackWhenStoppedEarly) {
    const auto member = create_member(admin, "Andi", "0812-3456-7890");
    const auto balance = [&] {
        const auto balances = admin.get("/api/v1/members/" + std::to_string(member) + "/balances").json()["balances"];
        for (const auto& item : balances)
            if (item["package_id"] == package) return item["units"].get<std::int64_t>();
        return std::int64_t{0};
    };
    expect_error(admin.post("/api/v1/sessions", {{"station_id", tv01}, {"package_id", package}, {"member_id", member}}),
                 409, "package_not_held");
    EXPECT_EQ(station(admin, tv01)["state"], "locked");  // nothing changed

    auto bought = admin.post("/api/v1/members/" + std::to_string(member) + "/purchases", {{"package_id", package}, {"units", 2}});
    ASSERT_EQ(bought.status, 201) << bought.body;
    EXPECT_EQ(balance(), 2);

    SseClient events(host.port(), "/api/v1/events?token=" + token);
    auto started = admin.post("/api/v1/sessions", {{"station_id", tv01}, {"package_id", package}, {"member_id", member}});
    ASSERT_EQ(started.status, 201) << started.body;
    EXPECT_EQ(started.json()["payment"], "balance");
    EXPECT_EQ(started.json()["amount"], 0);
    auto used = next_event(events, "member.balance_changed")["payload"];
    EXPECT_EQ(used["kind"], "used");
    EXPECT_EQ(used["session_id"], started.json()["id"]);
    EXPECT_EQ(started.json()["member_name"], "Andi");
    EXPECT_EQ(balance(), 1);
    EXPECT_EQ(station(admin, tv01)["session"]["member_name"], "Andi");

    auto stopped = admin.post(session_path(started.json(), "stop"), {{"refund_unit", true}});
    ASSERT_EQ(stopped.status, 200) << stopped.body;
    EXPECT_EQ(stopped.json()["refunded_unit"], true);
    EXPECT_EQ(balance(), 2);

    // A walk-in has no unit to refund.
    auto walk_in = start_session(admin, tv01, package);
    expect_error(admin.post(session_path(walk_in, "stop"), {{"refund_unit", true}}), 409, "refund_not_possible");
    EXPECT_EQ(admin.get(session_path(walk_in)).json()["state"], "running");

    auto history = admin.get("/api/v1/members/" + std::to_string(member) + "/history").json()["entries"];
    ASSERT_EQ(history.size(), 3u) << history;
    EXPECT_EQ(history[0]["kind"], "refunded");
    EXPECT_EQ(history[1]["kind"], "used");
    EXPECT_EQ(history[2]["kind"], "bought");
}

TEST_F(SessionsLifecycle, ExtendsWithAnotherPackageFromTheMembersBalance) {
    const auto member = create_member(admin, "Sari", "081298765432");
    const auto half_hour = create_fixed_package(admin, {{"name", "30 menit"}, {"duration_minutes", 30}, {"price", 6000}});
    ASSERT_EQ(admin.post("/api/v1/members/" + std::to_string(member) + "/purchases", {{"package_id", half_hour}}).status, 201);
    auto started = admin.post("/api/v1/sessions", {{"station_id", tv01}, {"package_id", package}, {"member_id", member},
                                                   {"use_balance", false}});
    ASSERT_EQ(started.status, 201) << started.body;
    EXPECT_EQ(started.json()["payment"], "cash");
    auto extended = admin.post(session_path(started.json(), "extend"), {{"package_id", half_hour}, {"use_balance", true}});
    ASSERT_EQ(extended.status, 200) << extended.body;
    EXPECT_EQ(instant(extended.json()["deadline_at"]) - instant(started.json()["deadline_at"]), 30 * 60'000);
    EXPECT_EQ(extended.json()["amount"], 10000);  // the unit was prepaid
    expect_error(admin.post(session_path(started.json(), "extend"), {{"package_id", half_hour}, {"use_balance", true}}),
                 409, "package_not_held");
}

TEST_F(SessionsLifecycle, RefusesWhatCannotBeDoneAndChangesNothing) {
    auto running = start_session(admin, tv01, package);
    const auto board_before = admin.get("/api/v1/stations").json()["stations"];
    const auto sales_before = admin.get("/api/v1/sales?day=" + running["business_day"].get<std::string>()).json()["total_amount"];

    expect_error(admin.post("/api/v1/sessions", {{"station_id", tv01}, {"package_id", package}}), 409, "station_busy");
    expect_error(admin.post("/api/v1/sessions", {{"station_id", 999}, {"package_id", package}}), 404, "station_not_found");
    expect_error(admin.post("/api/v1/sessions", {{"station_code", "TV99"}, {"package_id", package}}), 404, "station_not_found");
    expect_error(admin.post("/api/v1/sessions", {{"station_id", tv02}, {"package_id", 999}}), 404, "package_not_found");
    expect_error(admin.post("/api/v1/sessions", {{"station_id", tv02}, {"package_id", package}, {"member_id", 999}}), 404,
                 "member_not_found");
    expect_error(admin.post("/api/v1/sessions", {{"station_id", "TV02"}, {"package_id", package}}), 400, "invalid_field");
    expect_error(admin.post("/api/v1/sessions", {{"station_id", tv02}, {"pakage_id", package}}), 400, "unknown_field");
    expect_error(admin.request("POST", "/api/v1/sessions", "{not json"), 400, "invalid_json");
    expect_error(admin.post("/api/v1/sessions", {{"package_id", package}}), 400, "missing_field");
    expect_error(admin.post(session_path(running, "extend"), {{"minutes", 10}, {"amount", -5000}}), 400, "invalid_price");
    expect_error(admin.post(session_path(running, "extend"), {{"minutes", 0}}), 400, "invalid_field");
    expect_error(admin.post(session_path(running, "move"), {{"station_id", tv01}}), 409, "station_busy");
    expect_error(admin.post("/api/v1/sessions/999/stop"), 404, "session_not_found");
    expect_error(admin.post("/api/v1/sessions/abc/stop"), 404, "session_not_found");

    // A retired package is not sold; a station in maintenance is not used.
    const auto retired = create_fixed_package(admin, {{"name", "Lama"}});
    ASSERT_EQ(admin.put("/api/v1/packages/" + std::to_string(retired), {{"active", false}}).status, 200);
    expect_error(admin.post("/api/v1/sessions", {{"station_id", tv02}, {"package_id", retired}}), 409, "package_inactive");
    const auto ps5_only = create_fixed_package(admin, {{"name", "PS5 1 jam"}, {"console_type", "PS5"}});
    expect_error(admin.post("/api/v1/sessions", {{"station_id", tv02}, {"package_id", ps5_only}}), 409,
                 "package_console_mismatch");
    ASSERT_EQ(admin.put("/api/v1/stations/" + std::to_string(tv02), {{"maintenance", true}}).status, 200);
    expect_error(admin.post("/api/v1/sessions", {{"station_id", tv02}, {"package_id", package}}), 409,
                 "station_in_maintenance");
    expect_error(admin.put("/api/v1/stations/" + std::to_string(tv01), {{"maintenance", true}}), 409, "station_busy");
    ASSERT_EQ(admin.put("/api/v1/stations/" + std::to_string(tv02), {{"maintenance", false}}).status, 200);

    auto board_after = admin.get("/api/v1/stations").json()["stations"];
    for (std::size_t i = 0; i < board_after.size(); ++i) {
        EXPECT_EQ(board_after[i]["state"], board_before[i]["state"]);
        EXPECT_EQ(board_after[i]["session"].is_null(), board_before[i]["session"].is_null());
    }
    EXPECT_EQ(admin.get("/api/v1/sales?day=" + running["business_day"].get<std::string>()).json()["total_amount"],
              sales_before);
}

TEST_F(SessionsLifecycle, OperatorsNeedThePermissionOfEachAction) {
    HttpClient kasir(host.port());
    kasir.set_token(create_operator(admin, "kasir", {"sessions.view", "sessions.start"}));
    auto started = kasir.post("/api/v1/sessions", {{"station_id", tv01}, {"package_id", package}});
    ASSERT_EQ(started.status, 201) << started.body;
    EXPECT_EQ(started.json()["started_by"], "kasir");
    expect_error(kasir.post(session_path(started.json(), "stop")), 403, "forbidden");
    expect_error(kasir.post(session_path(started.json(), "extend"), {{"minutes", 5}}), 403, "forbidden");
    expect_error(kasir.post(session_path(started.json(), "move"), {{"station_id", tv02}}), 403, "forbidden");
    EXPECT_EQ(admin.get(session_path(started.json())).json()["state"], "running");
    EXPECT_EQ(kasir.get("/api/v1/stations").status, 200);
}

TEST_F(SessionsLifecycle, TwoOperatorsStartingOneStationAtOnceExactlyOneWins) {
    HttpClient second(host.port());
    second.set_token(token);
    for (int round = 0; round < 10; ++round) {
        std::atomic<int> created{0}, busy{0};
        auto attempt = [&](HttpClient& client) {
            auto result = client.post("/api/v1/sessions", {{"station_id", tv01}, {"package_id", package}});
            if (result.status == 201) ++created;
            if (result.status == 409 && result.error_code() == "station_busy") ++busy;
        };
        std::thread first([&] { attempt(admin); });
        std::thread other([&] { attempt(second); });
        first.join();
        other.join();
        EXPECT_EQ(created, 1);
        EXPECT_EQ(busy, 1);
        auto live = station(admin, tv01)["session"];
        ASSERT_TRUE(live.is_object());
        ASSERT_EQ(admin.post(session_path(live, "stop")).status, 200);
    }
    auto sessions = admin.get("/api/v1/sessions?state=all&limit=500").json()["sessions"];
    EXPECT_EQ(sessions.size(), 10u);
}

TEST_F(SessionsLifecycle, ListsLiveAndEndedSessionsWithFilters) {
    auto first = start_session(admin, tv01, package);
    auto second = start_session(admin, tv02, package);
    ASSERT_EQ(admin.post(session_path(first, "stop")).status, 200);
    EXPECT_EQ(admin.get("/api/v1/sessions").json()["sessions"].size(), 1u);
    EXPECT_EQ(admin.get("/api/v1/sessions?state=ended").json()["sessions"].size(), 1u);
    EXPECT_EQ(admin.get("/api/v1/sessions?state=all").json()["sessions"].size(), 2u);
    EXPECT_EQ(admin.get("/api/v1/sessions?state=all&station=" + std::to_string(tv02)).json()["sessions"][0]["id"],
              second["id"]);
    expect_error(admin.get("/api/v1/sessions?state=soon"), 400, "invalid_parameter");
    expect_error(admin.get("/api/v1/sessions?day=2026-02-30"), 400, "invalid_parameter");
}

TEST_F(SessionsLifecycle, EndsByItselfAtTheDeadlineAfterWarning) {
    ASSERT_EQ(admin.put("/api/v1/settings", {{"session_warning_minutes", {1}}}).status, 200);
    const auto minute = create_fixed_package(admin, {{"name", "1 menit"}, {"duration_minutes", 1}, {"price", 500}});
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    auto session = start_session(admin, tv01, minute);

    auto warning = next_event(events, "session.ending_soon")["payload"];
    EXPECT_EQ(warning["minutes_left"], 1);
    EXPECT_EQ(warning["session"]["id"], session["id"]);

    ASSERT_TRUE(eventually([&] { return admin.get(session_path(session)).json()["state"] == "ended"; },
                           std::chrono::seconds(90)));
    auto ended = admin.get(session_path(session)).json();
    EXPECT_EQ(ended["end_reason"], "expired");
    EXPECT_EQ(ended["ended_by"], "host");
    EXPECT_EQ(ended["ended_at"], session["deadline_at"]);  // its true deadline, to the millisecond
    EXPECT_EQ(station(admin, tv01)["state"], "locked");
    auto log = admin.get("/api/v1/session-log?station=" + std::to_string(tv01)).json()["entries"];
    ASSERT_GE(log.size(), 3u);
    EXPECT_EQ(log[0]["event"], "ended");
    EXPECT_EQ(log[1]["event"], "ending_soon");
}

}  // namespace
}  // namespace billing::test
