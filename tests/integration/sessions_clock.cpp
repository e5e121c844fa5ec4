// The wall clock of the shop PC is stepped (an NTP correction, an RTC that
// was wrong at boot) while sessions run: no session ends early or gets
// longer, also across a restart afterwards. The host runs under
// libfaketime, its wall clock read from a file the test rewrites.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "support/eventually.hpp"
#include "support/test_support.hpp"

namespace billing::test {
namespace {

using nlohmann::json;
using namespace std::chrono;

class SteadyStopwatch {
public:
    std::int64_t elapsed_ms() const {
        return duration_cast<milliseconds>(steady_clock::now() - started_).count();
    }

private:
    steady_clock::time_point started_ = steady_clock::now();
};

TEST(SessionsClock, WallClockStepNeitherEndsNorExtendsSessions) {
    if (const auto why = faketime_unusable(); !why.empty()) GTEST_SKIP() << why;
    TempDir dir;
    const auto spec = dir.path() / "faketime";
    write_faketime_spec(spec, "+0");
    HostProcess host({.environment = faketime_environment("", spec)});
    HttpClient admin(host.port());
    auto token = admin_token(admin);
    const auto package = create_fixed_package(admin);
    auto session = start_session(admin, create_station(admin, "TV01"), package);
    SteadyStopwatch stopwatch;
    const auto remaining_at_start = session["remaining_ms"].get<std::int64_t>();
    const auto path = "/api/v1/sessions/" + std::to_string(session["id"].get<std::int64_t>());
    // What the session has left now, by the test's own steady clock.
    auto expected_remaining = [&] { return remaining_at_start - stopwatch.elapsed_ms(); };

    // Two hours forward: the session's deadline moves with the clock.
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    write_faketime_spec(spec, "+2h");
    auto jumped = next_event(events, "host.clock_jumped")["payload"];
    EXPECT_NEAR(jumped["delta_ms"].get<std::int64_t>(), 2 * 3600'000, 3000);
    auto after_forward = admin.get(path).json();
    EXPECT_EQ(after_forward["state"], "running");
    EXPECT_NEAR(after_forward["remaining_ms"].get<std::int64_t>(), expected_remaining(), 1500);

    // Three hours back (an hour before the real time).
    write_faketime_spec(spec, "-1h");
    EXPECT_NEAR(next_event(events, "host.clock_jumped")["payload"]["delta_ms"].get<std::int64_t>(), -3 * 3600'000,
                3000);
    admin.set_token(admin_token(admin));  // tokens issued "in the future" are refused
    auto after_back = admin.get(path).json();
    EXPECT_EQ(after_back["state"], "running");
    EXPECT_NEAR(after_back["remaining_ms"].get<std::int64_t>(), expected_remaining(), 1500);

    // The stored instants followed the clock: a power cut now changes nothing.
    host.kill9();
    host.start();
    admin.set_token(admin_token(admin));
    auto after_restart = admin.get(path).json();
    EXPECT_EQ(after_restart["state"], "running");
    EXPECT_NEAR(after_restart["remaining_ms"].get<std::int64_t>(), expected_remaining(), 1500);
}

}  // namespace
}  // namespace billing::test
