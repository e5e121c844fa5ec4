// tv-sim: many simulated TVs against a running host, speaking the
// tv-websocket protocol (docs/protocols/tv-websocket.md). Opens the TVs,
// optionally pairs them, measures unlock latency and holds them idle to
// measure the host's memory per TV. Progress goes to stderr; figures go to
// stdout as markdown rows (| measure | value |), as bench/ prints them.
//
//   tv-sim --port P [--host 127.0.0.1] [--tvs N] [--threads 2]
//          [--token JWT --pair [--auto-add] [--unlock-latency M]]
//          [--follow] [--idle-seconds S] [--host-pid PID]

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "admin_api.hpp"
#include "core/open_files_limit.hpp"
#include "host_memory.hpp"
#include "latency_summary.hpp"
#include "tv_fleet.hpp"

namespace {

using namespace billing::tools;
using namespace std::chrono_literals;

struct Options {
    std::string host = "127.0.0.1";
    unsigned short port = 0;
    std::string token;
    std::size_t tvs = 1;
    int threads = 2;
    bool pair = false;
    bool auto_add = false;
    bool follow = false;
    int unlocks = 0;
    int idle_seconds = -1;
    int host_pid = 0;
};

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void row(const std::string& label, const std::string& value) {
    fmt::print("| {} | {} |\n", label, value);
    std::fflush(stdout);
}

std::string station_code_for(std::size_t index) { return fmt::format("TV{:04}", index + 1); }

// Pairs every TV through the admin API, each to station TV<n> (created if
// missing) or, with auto_add, to a station the plugin adds; waits until each
// shows its lock screen.
void pair_all(TvFleet& fleet, AdminApi& admin, bool auto_add) {
    auto existing = admin.station_ids();
    for (std::size_t i = 0; i < fleet.size(); ++i) {
        fleet.wait_until([&] { return !fleet.screen(i).pairing_code.empty(); }, 10s,
                         fmt::format("TV {} showing a pairing code", i));
        std::optional<std::string> code;
        if (!auto_add) {
            code = station_code_for(i);
            if (!existing.contains(*code)) existing[*code] = admin.create_station(*code);
        }
        admin.pair(fleet.screen(i).pairing_code, code);
        fleet.wait_until(
            [&] {
                auto screen = fleet.screen(i);
                return screen.mode == "locked" && (!code || screen.station_code == *code);
            },
            10s, fmt::format("TV {} locked after pairing", i));
    }
}

// Starts `count` sessions one at a time on the TVs' stations (round robin)
// and measures from just before each API call to the moment the TV has a
// state with mode "active"; each session is stopped again afterwards.
billing::bench::LatencySummary measure_unlocks(TvFleet& fleet, AdminApi& admin, int count) {
    const auto package = admin.create_package();
    const auto stations = admin.station_ids();
    std::vector<double> latencies_ms;
    for (int n = 0; n < count; ++n) {
        const auto i = static_cast<std::size_t>(n) % fleet.size();
        const auto station_code = fleet.screen(i).station_code;
        const auto before = Clock::now();
        const auto session = admin.start_session(stations.at(station_code), package);
        fleet.wait_until(
            [&] {
                auto screen = fleet.screen(i);
                return screen.mode == "active" && screen.mode_since >= before;
            },
            10s, fmt::format("TV {} ({}) active after session {} started", i, station_code, session));
        latencies_ms.push_back(std::chrono::duration<double, std::milli>(fleet.screen(i).mode_since - before).count());
        admin.stop_session(session);
        fleet.wait_until([&] { return fleet.screen(i).mode == "locked"; }, 10s,
                         fmt::format("TV {} ({}) locked after session {} stopped", i, station_code, session));
    }
    return billing::bench::summarize(std::move(latencies_ms));
}

std::size_t still_connected(const TvFleet& fleet) {
    std::size_t open = 0;
    for (std::size_t i = 0; i < fleet.size(); ++i) open += fleet.screen(i).closed ? 0 : 1;
    return open;
}

std::string mib(long kib) { return fmt::format("{:.1f} MB", static_cast<double>(kib) / 1024); }

void run(const Options& options) {
    fmt::print(stderr, "open files limit: {}\n", billing::host::raise_open_files_limit());
    std::optional<AdminApi> admin;
    if (options.pair) admin.emplace(options.port, options.token);
    const auto rss_before = options.host_pid ? resident_kib(options.host_pid) : 0L;

    TvFleet fleet(options.host, options.port, options.threads, options.follow);
    const auto connecting = Clock::now();
    fleet.connect(options.tvs, 200, std::chrono::seconds(30 + options.tvs / 50));
    row(fmt::format("{} TVs connected, each with its first screen", options.tvs),
        fmt::format("{:.2f} s", seconds_since(connecting)));
    if (options.host_pid) {
        const auto rss = resident_kib(options.host_pid);
        row(fmt::format("Host RSS before → with {} TVs connected", options.tvs),
            fmt::format("{} → {}", mib(rss_before), mib(rss)));
        row("Host RSS per connected TV",
            fmt::format("{:.1f} KB", static_cast<double>(rss - rss_before) / static_cast<double>(options.tvs)));
    }

    if (options.pair) {
        const auto pairing = Clock::now();
        pair_all(fleet, *admin, options.auto_add);
        row(fmt::format("{} TVs paired through the API, one at a time", options.tvs),
            fmt::format("{:.2f} s", seconds_since(pairing)));
    }
    if (options.unlocks > 0) {
        const auto latency = measure_unlocks(fleet, *admin, options.unlocks);
        row(fmt::format("Unlock latency, session start call → TV state active ({} sessions, {} TVs connected)",
                        latency.count, options.tvs),
            fmt::format("p50 {}, p99 {}, max {}", billing::bench::format_ms(latency.p50),
                        billing::bench::format_ms(latency.p99), billing::bench::format_ms(latency.max)));
    }

    if (options.idle_seconds >= 0) {
        std::this_thread::sleep_for(std::chrono::seconds(options.idle_seconds));
        row(fmt::format("TVs still connected after {} s idle", options.idle_seconds),
            fmt::format("{} of {}", still_connected(fleet), options.tvs));
        if (options.host_pid) {
            const auto rss = resident_kib(options.host_pid);
            row(fmt::format("Host RSS per connected TV after {} s idle", options.idle_seconds),
                fmt::format("{:.1f} KB ({} → {})",
                            static_cast<double>(rss - rss_before) / static_cast<double>(options.tvs), mib(rss_before),
                            mib(rss)));
        }
        row("Kernel TCP sockets (/proc/net/sockstat)", tcp_sockstat());
    } else if (options.follow) {
        fmt::print(stderr, "following; Ctrl-C ends\n");
        while (true) std::this_thread::sleep_for(1h);
    }
    fleet.close_all(std::chrono::seconds(10 + options.tvs / 500));
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Simulated TVs for billing-host's tv-websocket plugin"};
    Options options;
    app.add_option("--port", options.port, "The host's HTTP port")->required();
    app.add_option("--host", options.host, "The host's IPv4/IPv6 address (the admin API is called on 127.0.0.1)");
    app.add_option("--tvs", options.tvs, "How many TVs to open")->check(CLI::Range(1, 100000));
    app.add_option("--threads", options.threads, "Threads running the connections")->check(CLI::Range(1, 64));
    auto* token = app.add_option("--token", options.token, "An admin's JWT, for the admin API");
    auto* pair = app.add_flag("--pair", options.pair, "Pair every TV to station TV0001, TV0002, ... (created as needed)")
                     ->needs(token);
    app.add_flag("--auto-add", options.auto_add, "Pair without a station: the plugin adds one per TV")->needs(pair);
    app.add_option("--unlock-latency", options.unlocks,
                   "Start this many sessions one at a time and measure until the TV shows them")
        ->check(CLI::Range(1, 1000000))
        ->needs(pair);
    app.add_flag("--follow", options.follow, "Print what each TV is told");
    app.add_option("--idle-seconds", options.idle_seconds, "Hold the TVs connected this long, then report")
        ->check(CLI::Range(0, 86400));
    app.add_option("--host-pid", options.host_pid, "The host's process id, to report its memory per TV");
    CLI11_PARSE(app, argc, argv);

    try {
        run(options);
    } catch (const std::exception& error) {
        fmt::print(stderr, "tv-sim: {}\n", error.what());
        return 1;
    }
    return 0;
}
