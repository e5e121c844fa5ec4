// Every load-driver scenario, tiny, against the real host with the product
// plugins: each must run to the end and print its rows. No timing is
// checked. The driver runs under timeout(1), so a hang fails the test
// instead of blocking it.
#include <gtest/gtest.h>

#include <string>

#include "support/command_run.hpp"
#include "support/test_support.hpp"

namespace billing::test {
namespace {

// A host of its own for each test, so they can run in parallel.
class LoadDriverSmoke : public ::testing::Test {
protected:
    CommandRun drive(const std::string& arguments, bool with_token = true) {
        std::string command = std::string("timeout -k 5 60 ") + LOAD_DRIVER_EXECUTABLE +
                              " --port " + std::to_string(host.port()) + " " + arguments;
        if (with_token) command += " --token " + token;
        return run_command(command);
    }
    static bool contains(const CommandRun& run, const std::string& text) {
        return run.output.find(text) != std::string::npos;
    }

    HostProcess host{HostOptions{.plugins_dir = BILLING_PRODUCT_PLUGIN_DIR}};
    HttpClient admin{host.port()};
    std::string token = admin_token(admin);
};

constexpr auto kTinyLoad = " --threads 1 --connections 2 --warmup 0.2 --seconds 1";

TEST_F(LoadDriverSmoke, ReadsTheStationBoardAndTheUsersOpenLoop) {
    auto run = drive(std::string("--scenario reads --stations 3 --target /api/v1/stations --target /api/v1/users") +
                     kTinyLoad + " --rate 40");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(contains(run, "| reads: GET /api/v1/stations, GET /api/v1/users (3 live stations made first; open loop at 40/s, "
                              "1 threads × 2 connections) | "))
        << run.output;
    EXPECT_TRUE(contains(run, ": GET /api/v1/users | ")) << run.output;
    // The three stations it made are live.
    auto stations = admin.get("/api/v1/stations").json()["stations"];
    ASSERT_EQ(stations.size(), 3u);
    EXPECT_EQ(stations[0]["state"], "active");
}

TEST_F(LoadDriverSmoke, StartsAndStopsSessionsClosedLoop) {
    auto run = drive(std::string("--scenario sessions --stations 4") + kTinyLoad);
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(contains(run, "| sessions: start + stop transactions (4 stations; closed loop, 1 threads × 2 "
                              "connections) | "))
        << run.output;
    EXPECT_TRUE(contains(run, "connections): start | ")) << run.output;
    EXPECT_TRUE(contains(run, "connections): stop | ")) << run.output;
    // Sessions really ended: the log has stopped sessions.
    auto ended = admin.get("/api/v1/sessions?state=ended").json()["sessions"];
    EXPECT_FALSE(ended.empty());
}

TEST_F(LoadDriverSmoke, DeliversSessionEventsToEveryDashboard) {
    auto run = drive(std::string("--scenario sse --dashboards 2 --stations 2") + kTinyLoad + " --rate 20");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(contains(run, "| sse: session events to 2 dashboards (open loop at 20/s")) << run.output;
    EXPECT_TRUE(contains(run, "over all receivers: p50 / p99 / max | ")) << run.output;
}

TEST_F(LoadDriverSmoke, HoldsIdleTvs) {
    auto run = drive("--scenario idle-tvs --tvs 5 --idle-seconds 1", false);
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(contains(run, "| 5 TVs connected, each with its first screen | ")) << run.output;
    EXPECT_TRUE(contains(run, "| TVs still connected after 1 s idle | 5 of 5 |")) << run.output;
    EXPECT_TRUE(contains(run, "| Kernel TCP sockets with 5 TVs (/proc/net/sockstat) | TCP: inuse")) << run.output;
}

TEST_F(LoadDriverSmoke, UnlocksPairedTvs) {
    auto run = drive("--scenario unlock --tvs 3 --unlocks 4 --rate 20 --follow");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(contains(run, "| 3 TVs paired through the API, one at a time | ")) << run.output;
    EXPECT_TRUE(contains(run, "(4 sessions, one at a time, due at 20/s; 3 TVs connected) | p50 ")) << run.output;
    // --follow shows the screens change: the first TV unlocked.
    EXPECT_TRUE(contains(run, "-0001 active")) << run.output;
}

TEST_F(LoadDriverSmoke, AWrongTokenIsAClearFailure) {
    auto run = drive(std::string("--scenario reads --stations 0 --token not-a-token") + kTinyLoad, false);
    EXPECT_EQ(run.exit_code, 1) << run.output;
    EXPECT_TRUE(contains(run, "GET /api/v1/stations answered 401")) << run.output;
}

TEST_F(LoadDriverSmoke, NoHostIsAClearFailure) {
    // Port 1 on loopback: nothing listens there.
    auto run = run_command(std::string("timeout -k 5 60 ") + LOAD_DRIVER_EXECUTABLE +
                           " --scenario idle-tvs --port 1 --tvs 1 --idle-seconds 0");
    EXPECT_EQ(run.exit_code, 1) << run.output;
    EXPECT_TRUE(contains(run, "TV 0 did not connect: connect:")) << run.output;
}

}  // namespace
}  // namespace billing::test
