// A power cut in the middle of a busy evening: kill -9 while 200 sessions
// run and more are being started, then a restart. Every acknowledged
// session and sale is there with the right remaining time; sessions whose
// end passed while the host was down end at their true deadline.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/clock.hpp"
#include "support/database_integrity.hpp"
#include "support/eventually.hpp"
#include "support/test_support.hpp"

namespace billing::test {
namespace {

using nlohmann::json;
constexpr int kStations = 200;

std::int64_t instant(const json& value) {
    std::int64_t unix_ms = 0;
    EXPECT_TRUE(host::parse_instant(value.get<std::string>(), unix_ms)) << value;
    return unix_ms;
}

std::string station_code(int index) {
    char code[8];
    std::snprintf(code, sizeof code, "TV%03d", index);
    return code;
}

std::map<std::int64_t, json> live_sessions(HttpClient& client) {
    std::map<std::int64_t, json> by_id;
    const auto sessions = client.get("/api/v1/sessions?state=live").json()["sessions"];
    for (const auto& session : sessions)
        by_id[session["id"].get<std::int64_t>()] = session;
    return by_id;
}

TEST(SessionsPowerCut, Kill9WhileStartingSessionsLosesNothingAcknowledged) {
    HostProcess host;
    HttpClient admin(host.port());
    const auto token = admin_token(admin);
    const auto package = create_fixed_package(admin);
    std::vector<std::int64_t> stations;
    for (int i = 1; i <= kStations; ++i) stations.push_back(create_station(admin, station_code(i)));

    // Four cashiers start sessions as fast as they can; the power goes
    // while they are at it.
    std::mutex acknowledged_mutex;
    std::map<std::int64_t, json> acknowledged;  // by session id
    std::atomic<int> next_station{0};
    auto cashier = [&] {
        HttpClient client(host.port());
        client.set_token(token);
        try {
            for (int index = next_station++; index < kStations; index = next_station++) {
                auto result = client.post("/api/v1/sessions", {{"station_id", stations[index]}, {"package_id", package}});
                if (result.status != 201) return;
                std::lock_guard lock(acknowledged_mutex);
                acknowledged[result.json()["id"].get<std::int64_t>()] = result.json();
            }
        } catch (const std::exception&) {
            // The connection died with the host.
        }
    };
    std::vector<std::thread> cashiers;
    for (int i = 0; i < 4; ++i) cashiers.emplace_back(cashier);
    ASSERT_TRUE(eventually([&] {
        std::lock_guard lock(acknowledged_mutex);
        return acknowledged.size() >= 120;
    }));
    host.kill9();
    for (auto& thread : cashiers) thread.join();
    EXPECT_EQ(integrity_check(host.data_dir() / "billing.db"), "ok\n");

    host.start();
    admin.set_token(admin_token(admin));
    auto live = live_sessions(admin);
    ASSERT_GE(live.size(), acknowledged.size());  // in-flight starts may have committed too
    for (const auto& [id, before] : acknowledged) {
        ASSERT_TRUE(live.contains(id)) << "acknowledged session " << id << " is gone";
        const auto& after = live.at(id);
        EXPECT_EQ(after["deadline_at"], before["deadline_at"]);
        EXPECT_EQ(after["station_id"], before["station_id"]);
        EXPECT_EQ(after["state"], "running");
        const auto expected_remaining = instant(after["deadline_at"]) - host::now_ms();
        EXPECT_NEAR(after["remaining_ms"].get<std::int64_t>(), expected_remaining, 1000);
    }
    // One session per station, one sale per session.
    std::set<std::int64_t> busy_stations;
    for (const auto& [id, session] : live) EXPECT_TRUE(busy_stations.insert(session["station_id"].get<std::int64_t>()).second);
    const auto day = live.begin()->second["business_day"].get<std::string>();
    auto sales = admin.get("/api/v1/sales?day=" + day + "&limit=500").json();
    EXPECT_EQ(sales["sales"].size(), live.size());
    EXPECT_EQ(sales["total_amount"].get<std::int64_t>(), 10000 * static_cast<std::int64_t>(live.size()));

    // The rest of the stations fill up; a few sessions pause.
    for (int index = 0; index < kStations; ++index)
        if (!busy_stations.contains(stations[index])) start_session(admin, stations[index], package);
    std::vector<json> paused;
    for (int index = 0; index < 5; ++index) {
        const auto session = admin.get("/api/v1/stations/" + std::to_string(stations[index])).json()["session"];
        auto result = admin.post("/api/v1/sessions/" + std::to_string(session["id"].get<std::int64_t>()) + "/pause");
        ASSERT_EQ(result.status, 200) << result.body;
        paused.push_back(result.json());
    }
    const auto before_cut = live_sessions(admin);
    ASSERT_EQ(before_cut.size(), static_cast<std::size_t>(kStations));
    if (const auto why = faketime_unusable(); !why.empty()) GTEST_SKIP() << "the power cut of two hours: " << why;

    // The power comes back two hours later: every hour-long session ended
    // at its deadline while the host was down; a paused one resumed when
    // its longest pause (10 minutes) ran out, then ended.
    host.kill9();
    host.set_environment(faketime_environment("+2h"));
    host.start();
    admin.set_token(admin_token(admin));
    EXPECT_TRUE(live_sessions(admin).empty());
    std::map<std::int64_t, std::int64_t> paused_deadlines;
    for (const auto& session : paused)
        paused_deadlines[session["id"].get<std::int64_t>()] = instant(session["deadline_at"]) + 10 * 60'000;
    for (const auto& [id, before] : before_cut) {
        auto after = admin.get("/api/v1/sessions/" + std::to_string(id)).json();
        EXPECT_EQ(after["state"], "ended");
        EXPECT_EQ(after["end_reason"], "expired");
        const auto expected_end =
            paused_deadlines.contains(id) ? paused_deadlines.at(id) : instant(before["deadline_at"]);
        EXPECT_EQ(instant(after["ended_at"]), expected_end) << after;
    }
    EXPECT_EQ(integrity_check(host.data_dir() / "billing.db"), "ok\n");
}

}  // namespace
}  // namespace billing::test
