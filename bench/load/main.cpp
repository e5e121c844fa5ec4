// load-driver: loads a running billing host on 127.0.0.1 with Boost.Beast
// async clients (one io_context per thread, several keep-alive connections
// each) and prints what it measured as markdown table rows. docs/PERFORMANCE.md
// says what each scenario measures and how bench/run-all.sh runs them.
//
//   load-driver --scenario reads    --port P --token T [--target /api/v1/stations ...] [--stations 100]
//   load-driver --scenario sessions --port P --token T [--stations 200]
//   load-driver --scenario sse      --port P --token T [--dashboards 10] [--stations 16]
//   load-driver --scenario idle-tvs --port P [--tvs 1000] [--idle-seconds 30] [--host-pid PID] [--follow]
//   load-driver --scenario unlock   --port P --token T [--tvs 1000] [--unlocks 1000] [--auto-add]
// and for every HTTP scenario: [--threads 2] [--connections 8] [--warmup 1] [--seconds 10] [--rate R]
// (--rate: open loop, latencies from each request's due time; without it, closed loop).
#include <cstdio>
#include <functional>
#include <map>
#include <random>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "core/heap_tuning.hpp"
#include "scenarios.hpp"

int main(int argc, char** argv) {
    using namespace billing::bench;
    // The driver reads the host's large answers as often as the host sends
    // them: the same heap churn (core/heap_tuning.hpp).
    billing::host::keep_freed_heap_memory();
    const std::map<std::string, std::function<void(const DriverOptions&)>> scenarios = {
        {"reads", run_reads}, {"sessions", run_sessions}, {"sse", run_sse},
        {"idle-tvs", run_idle_tvs}, {"unlock", run_unlock}};

    DriverOptions options;
    std::string scenario;
    double warmup_s = 1, seconds = 10;
    CLI::App app{"Load driver for the billing host (bench/)"};
    app.add_option("--scenario", scenario, "reads, sessions, sse, idle-tvs or unlock")
        ->required()
        ->check(CLI::IsMember(scenarios));
    app.add_option("--port", options.load.port, "The host's port on 127.0.0.1")->required();
    app.add_option("--token", options.load.token, "An admin's bearer token (all but idle-tvs)");
    app.add_option("--threads", options.load.threads, "Client threads, each with its own io_context")
        ->check(CLI::Range(1, 64));
    app.add_option("--connections", options.load.connections_per_thread, "Keep-alive connections per thread")
        ->check(CLI::Range(1, 1000));
    app.add_option("--warmup", warmup_s, "Seconds of load before the measured window")->check(CLI::Range(0.0, 600.0));
    app.add_option("--seconds", seconds, "Length of the measured window")->check(CLI::Range(0.1, 3600.0));
    app.add_option("--rate", options.load.rate, "Requests per second in all (open loop); 0: closed loop")
        ->check(CLI::Range(0.0, 1e7));
    app.add_option("--target", options.targets, "reads: a GET target (repeatable); default /api/v1/stations");
    app.add_option("--stations", options.stations, "reads: live stations to make; sessions, sse: stations to use")
        ->check(CLI::Range(0, 9999));
    app.add_option("--dashboards", options.dashboards, "sse: event streams open")->check(CLI::Range(1, 10000));
    app.add_option("--tvs", options.tvs, "idle-tvs, unlock: TVs to open")->check(CLI::Range(1, 100000));
    app.add_option("--tv-threads", options.tv_threads, "idle-tvs, unlock: threads running the TVs")
        ->check(CLI::Range(1, 64));
    app.add_option("--unlocks", options.unlocks, "unlock: sessions to start")->check(CLI::Range(1, 1000000));
    app.add_flag("--auto-add", options.auto_add, "unlock: pair without stations; the plugin adds one per TV");
    app.add_flag("--follow", options.follow, "idle-tvs, unlock: print what each TV is told");
    app.add_option("--idle-seconds", options.idle_seconds, "idle-tvs: how long the TVs stay idle")
        ->check(CLI::Range(0, 86400));
    app.add_option("--host-pid", options.host_pid, "idle-tvs: the host's process id, for its memory per TV");
    CLI11_PARSE(app, argc, argv);

    options.load.warmup = std::chrono::milliseconds(static_cast<long>(warmup_s * 1000));
    options.load.measured = std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    if (options.targets.empty()) options.targets = {"/api/v1/stations"};
    options.run_tag = fmt::format("{:04X}", std::random_device{}() & 0xFFFF);
    if (options.load.token.empty() && scenario != "idle-tvs") {
        std::fprintf(stderr, "load-driver: --scenario %s needs --token\n", scenario.c_str());
        return 2;
    }
    try {
        scenarios.at(scenario)(options);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "load-driver %s: %s\n", scenario.c_str(), error.what());
        return 1;
    }
    return 0;
}
