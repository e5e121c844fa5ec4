// tv-sim against the real host with the real tv-websocket plugin: 5 TVs
// connect, get paired and unlock twice. The simulator runs under
// timeout(1), so a hang fails the test instead of blocking it.
#include <gtest/gtest.h>

#include <string>

#include "support/command_run.hpp"
#include "support/eventually.hpp"
#include "support/test_support.hpp"

namespace billing::test {
namespace {

CommandRun run_tv_sim(const std::string& arguments) {
    return run_command(std::string("timeout -k 5 30 ") + TV_SIM_EXECUTABLE + " " + arguments);
}

TEST(TvSimSmoke, FiveTvsPairAndUnlockAgainstTheRealHost) {
    HostProcess host{HostOptions{.plugins_dir = BILLING_PRODUCT_PLUGIN_DIR}};
    HttpClient admin{host.port()};
    const auto token = admin_token(admin);

    auto run = run_tv_sim("--port " + std::to_string(host.port()) + " --token " + token +
                          " --tvs 5 --pair --unlock-latency 2 --idle-seconds 0 --follow");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_NE(run.output.find("| 5 TVs connected, each with its first screen |"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("| 5 TVs paired through the API"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("(2 sessions, 5 TVs connected) | p50 "), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("| TVs still connected after 0 s idle | 5 of 5 |"), std::string::npos) << run.output;
    // --follow shows the screens change: TV0001 unlocked by the first session.
    EXPECT_NE(run.output.find("TV0001 active"), std::string::npos) << run.output;

    // The host paired them to stations it was told to create.
    auto stations = admin.get("/api/v1/stations").json()["stations"];
    ASSERT_EQ(stations.size(), 5u);
    EXPECT_EQ(stations[0]["code"], "TV0001");
    // tv-sim closes its TVs on the way out.
    EXPECT_TRUE(eventually([&] {
        return admin.get("/api/v1/stations/" + std::to_string(stations[0]["id"].get<std::int64_t>())).json()["tv_online"] ==
               false;
    }));
}

TEST(TvSimSmoke, ANonexistentHostIsAClearFailure) {
    // Port 1 on loopback: nothing listens there.
    auto run = run_tv_sim("--port 1 --tvs 1");
    EXPECT_EQ(run.exit_code, 1) << run.output;
    EXPECT_NE(run.output.find("TV 0 did not connect: connect:"), std::string::npos) << run.output;
}

}  // namespace
}  // namespace billing::test
