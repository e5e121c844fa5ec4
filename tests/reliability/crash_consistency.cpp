// Crash consistency: cashiers start and stop sessions and sell member
// packages as fast as they can while the host is killed with SIGKILL at
// random moments, again and again. After every restart, everything the API
// acknowledged is there: each sale, each started session (with the same
// deadline and the right remaining time), each stop; no station runs two
// sessions; the database passes PRAGMA integrity_check.
//
// BILLING_RELIABILITY_KILLS=<n> sets the number of kills (20 by default;
// the long form in docs/RELIABILITY.md uses 500).
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "core/clock.hpp"
#include "database_check.hpp"
#include "support/database_integrity.hpp"
#include "support/test_support.hpp"

namespace billing::reliability {
namespace {

using nlohmann::json;
using test::HttpClient;
using test::HttpResult;

constexpr int kStations = 6;
constexpr int kMembers = 3;
constexpr int kCashiers = 3;

int kills_per_run() {
    const char* configured = std::getenv("BILLING_RELIABILITY_KILLS");
    return configured != nullptr ? std::max(1, std::atoi(configured)) : 20;
}

std::int64_t id_of(const json& object) { return object.at("id").get<std::int64_t>(); }

// What the API acknowledged, and what was asked without an answer (the
// request was in flight when the host died, so either outcome is right).
struct Ledger {
    std::mutex mutex;
    std::map<std::int64_t, json> started;  // session id -> the 201 answer
    std::set<std::int64_t> stopped;        // acknowledged stops
    std::set<std::int64_t> stop_asked;     // stops sent, unless found not committed
    std::map<std::int64_t, json> sales;    // sale id -> the sale of a member purchase
    // Live sessions whose start was in flight at a kill and committed: not
    // acknowledged, but the cashiers stop them like the others, or they
    // would hold their stations for the rest of the run.
    std::set<std::int64_t> adopted;

    // A running session no one has asked to stop yet, now marked as asked
    // (so two cashiers never stop the same one); 0 if there is none.
    std::int64_t claim_session_to_stop(std::mt19937& random) {
        std::lock_guard lock(mutex);
        std::vector<std::int64_t> ids;
        for (const auto& [id, session] : started)
            if (!stop_asked.contains(id)) ids.push_back(id);
        for (auto id : adopted)
            if (!stop_asked.contains(id)) ids.push_back(id);
        if (ids.empty()) return 0;
        const auto id = ids[random() % ids.size()];
        stop_asked.insert(id);
        return id;
    }
};

class CrashConsistency : public ::testing::Test {
protected:
    void SetUp() override {
        admin_token = test::admin_token(admin);
        package = test::create_fixed_package(admin);
        for (int i = 1; i <= kStations; ++i) stations.push_back(test::create_station(admin, "TV0" + std::to_string(i)));
        for (int i = 1; i <= kMembers; ++i)
            members.push_back(test::create_member(admin, "Anggota " + std::to_string(i), "0812000000" + std::to_string(i)));
    }

    // One cashier: random actions until the host stops answering.
    void cashier(unsigned seed) {
        HttpClient client(host.port());
        client.set_token(admin_token);
        std::mt19937 random(seed);
        try {
            for (;;) {
                switch (random() % 3) {
                    case 0: start(client, stations[random() % stations.size()]); break;
                    case 1: stop(client, random); break;
                    default: purchase(client, members[random() % members.size()]); break;
                }
            }
        } catch (const std::exception&) {
            // The connection died with the host: this round is over.
        }
    }

    void start(HttpClient& client, std::int64_t station) {
        auto result = client.post("/api/v1/sessions", {{"station_id", station}, {"package_id", package}});
        if (result.status == 409 && result.error_code() == "station_busy") return;
        ASSERT_EQ(result.status, 201) << result.body;
        auto session = result.json();
        std::lock_guard lock(ledger.mutex);
        ledger.started[id_of(session)] = session;
    }

    void stop(HttpClient& client, std::mt19937& random) {
        const auto id = ledger.claim_session_to_stop(random);
        if (id == 0) return;
        auto result = client.post("/api/v1/sessions/" + std::to_string(id) + "/stop");
        ASSERT_EQ(result.status, 200) << result.body;
        std::lock_guard lock(ledger.mutex);
        ledger.stopped.insert(id);
    }

    void purchase(HttpClient& client, std::int64_t member) {
        auto result = client.post("/api/v1/members/" + std::to_string(member) + "/purchases",
                                  {{"package_id", package}, {"units", 1}});
        ASSERT_EQ(result.status, 201) << result.body;
        auto sale = result.json()["sale"];
        std::lock_guard lock(ledger.mutex);
        ledger.sales[id_of(sale)] = sale;
    }

    // One live session per station, each with the right remaining time:
    // its deadline minus the time the host answered, within 1 s.
    void check_live_sessions() {
        const auto asked_at = host::now_ms();
        auto live = admin.get("/api/v1/sessions?state=live&limit=500").json()["sessions"];
        const auto answered_at = host::now_ms();
        std::set<std::int64_t> busy_stations;
        for (const auto& session : live) {
            EXPECT_TRUE(busy_stations.insert(session["station_id"].get<std::int64_t>()).second)
                << "two live sessions on station " << session["station_id"];
            std::int64_t deadline = 0;
            ASSERT_TRUE(host::parse_instant(session["deadline_at"].get<std::string>(), deadline)) << session;
            const auto remaining = session["remaining_ms"].get<std::int64_t>();
            EXPECT_GE(remaining, deadline - answered_at - 1000) << session;
            EXPECT_LE(remaining, deadline - asked_at + 1000) << session;
        }
    }

    // Everything acknowledged is there after the restart.
    void check_acknowledged() {
        check_live_sessions();
        std::map<std::int64_t, json> sessions;
        for (auto& session : all_pages(admin, "/api/v1/sessions?state=all&limit=500", "sessions"))
            sessions[id_of(session)] = session;

        std::set<std::string> days;
        std::lock_guard lock(ledger.mutex);
        for (const auto& [id, session] : sessions) {
            if (session["state"] == "ended") continue;
            if (!ledger.started.contains(id)) ledger.adopted.insert(id);
            // Its stop was in flight and did not commit: it may be stopped again.
            if (ledger.stop_asked.contains(id) && !ledger.stopped.contains(id)) ledger.stop_asked.erase(id);
        }
        for (auto id : ledger.stopped) {
            ASSERT_TRUE(sessions.contains(id)) << "stopped session " << id << " is gone";
            EXPECT_EQ(sessions.at(id)["state"], "ended") << "acknowledged stop of session " << id << " is gone";
        }
        for (const auto& [id, acknowledged] : ledger.started) {
            ASSERT_TRUE(sessions.contains(id)) << "acknowledged session " << id << " is gone";
            const auto& now = sessions.at(id);
            EXPECT_EQ(now["station_id"], acknowledged["station_id"]);
            EXPECT_EQ(now["deadline_at"], acknowledged["deadline_at"]) << "session " << id;
            if (!ledger.stop_asked.contains(id)) {
                EXPECT_EQ(now["state"], "running") << "session " << id;
            }
            days.insert(acknowledged["business_day"].get<std::string>());
        }
        for (const auto& [id, sale] : ledger.sales) days.insert(sale["business_day"].get<std::string>());

        std::map<std::int64_t, json> sales;
        for (const auto& day : days)
            for (auto& sale : all_pages(admin, "/api/v1/sales?day=" + day + "&limit=500", "sales"))
                sales[id_of(sale)] = sale;
        for (const auto& [id, acknowledged] : ledger.sales) {
            ASSERT_TRUE(sales.contains(id)) << "acknowledged sale " << id << " is gone";
            EXPECT_EQ(sales.at(id)["amount"], acknowledged["amount"]);
        }
        // A paid session's sale committed with it; a member's units with
        // their purchase.
        std::set<std::int64_t> paid_sessions;
        std::map<std::int64_t, std::int64_t> units_sold;
        for (const auto& [id, sale] : sales) {
            if (sale["kind"] == "session") paid_sessions.insert(sale["session_id"].get<std::int64_t>());
            if (sale["kind"] == "package") units_sold[sale["member_id"].get<std::int64_t>()] += sale["units"].get<std::int64_t>();
        }
        for (const auto& [id, session] : sessions) EXPECT_TRUE(paid_sessions.contains(id)) << "session " << id << " has no sale";
        for (auto member : members) {
            auto balances = admin.get("/api/v1/members/" + std::to_string(member) + "/balances").json()["balances"];
            std::int64_t units = 0;
            for (const auto& balance : balances) units += balance["units"].get<std::int64_t>();
            EXPECT_EQ(units, units_sold[member]) << "member " << member;
        }
    }

    test::HostProcess host;
    HttpClient admin{host.port()};
    std::string admin_token;
    std::int64_t package = 0;
    std::vector<std::int64_t> stations;
    std::vector<std::int64_t> members;
    Ledger ledger;
};

TEST_F(CrashConsistency, KillNineAtRandomMomentsLosesNothingAcknowledged) {
    const int kills = kills_per_run();
    std::mt19937 random(std::random_device{}());
    for (int round = 1; round <= kills; ++round) {
        SCOPED_TRACE("kill " + std::to_string(round) + " of " + std::to_string(kills));
        std::vector<std::thread> cashiers;
        for (int i = 0; i < kCashiers; ++i) cashiers.emplace_back([this, seed = random()] { cashier(seed); });
        std::this_thread::sleep_for(std::chrono::milliseconds(50 + random() % 400));
        host.kill9();
        for (auto& thread : cashiers) thread.join();
        ASSERT_EQ(test::integrity_check(host.data_dir() / "billing.db"), "ok\n");

        host.start();
        check_acknowledged();
        if (HasFatalFailure()) return;
    }
    std::lock_guard lock(ledger.mutex);
    // The run did every kind of work, not only restarts.
    EXPECT_GT(ledger.started.size(), static_cast<std::size_t>(kStations));
    EXPECT_GT(ledger.stopped.size(), static_cast<std::size_t>(kStations));
    EXPECT_GT(ledger.sales.size(), static_cast<std::size_t>(kills));
    std::printf("[ reliability ] %d kills; acknowledged %zu session starts, %zu stops, %zu sales\n", kills,
                ledger.started.size(), ledger.stopped.size(), ledger.sales.size());
}

}  // namespace
}  // namespace billing::reliability
