// The scenarios with simulated TVs (TvFleet) speaking the tv-websocket
// protocol (docs/protocols/tv-websocket.md): idle-tvs and unlock.
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "admin_api.hpp"
#include "core/open_files_limit.hpp"
#include "host_memory.hpp"
#include "latency_summary.hpp"
#include "load_report.hpp"
#include "scenarios.hpp"
#include "tv_fleet.hpp"

namespace billing::bench {
namespace {

using namespace std::chrono_literals;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string mib(long kib) { return fmt::format("{:.1f} MB", static_cast<double>(kib) / 1024); }

// Opens the TVs (at most 200 handshakes in flight, so the host's listen
// backlog is not flooded) and reports how long they took.
void connect_fleet(TvFleet& fleet, std::size_t tvs) {
    fmt::print(stderr, "open files limit: {}\n", host::raise_open_files_limit());
    const auto connecting = Clock::now();
    fleet.connect(tvs, 200, std::chrono::seconds(30 + tvs / 50));
    print_row(fmt::format("{} TVs connected, each with its first screen", tvs),
              fmt::format("{:.2f} s", seconds_since(connecting)));
}

std::size_t still_connected(const TvFleet& fleet) {
    std::size_t open = 0;
    for (std::size_t i = 0; i < fleet.size(); ++i) open += fleet.screen(i).closed ? 0 : 1;
    return open;
}

// Pairs every TV through the admin API, each to station <prefix><n>
// (created first) or, with auto_add, to a station the plugin adds; waits
// until each shows its lock screen.
void pair_all(TvFleet& fleet, AdminApi& admin, const std::string& prefix, bool auto_add) {
    for (std::size_t i = 0; i < fleet.size(); ++i) {
        fleet.wait_until([&] { return !fleet.screen(i).pairing_code.empty(); }, 10s,
                         fmt::format("TV {} showing a pairing code", i));
        std::optional<std::string> code;
        if (!auto_add) {
            code = fmt::format("{}{:04}", prefix, i + 1);
            admin.create_station(*code);
        }
        admin.pair(fleet.screen(i).pairing_code, code);
        fleet.wait_until(
            [&] {
                auto screen = fleet.screen(i);
                return screen.mode == "locked" && !screen.station_code.empty() && (!code || screen.station_code == *code);
            },
            10s, fmt::format("TV {} locked after pairing", i));
    }
}

// Starts `count` sessions one at a time on the TVs' stations (round robin)
// and measures until the TV has a state with mode "active"; each session is
// stopped again, and its TV seen locked, before the next. With a rate, the
// starts are due at fixed times and each latency runs from its due time,
// so a slow unlock makes the next ones late too instead of hiding.
LatencySummary measure_unlocks(TvFleet& fleet, AdminApi& admin, int count, double rate) {
    const auto package = admin.create_fixed_package("Bench unlock 60 min", 60);
    const auto stations = admin.station_ids();
    std::vector<double> latencies_ms;
    const auto first_due = Clock::now();
    for (int n = 0; n < count; ++n) {
        const auto i = static_cast<std::size_t>(n) % fleet.size();
        const auto station_code = fleet.screen(i).station_code;
        auto due = Clock::now();
        if (rate > 0) {
            due = first_due + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(n / rate));
            std::this_thread::sleep_until(due);
        }
        const auto session = admin.start_session(stations.at(station_code), package);
        fleet.wait_until(
            [&] {
                auto screen = fleet.screen(i);
                return screen.mode == "active" && screen.mode_since >= due;
            },
            10s, fmt::format("TV {} ({}) active after session {} started", i, station_code, session));
        latencies_ms.push_back(std::chrono::duration<double, std::milli>(fleet.screen(i).mode_since - due).count());
        admin.stop_session(session);
        fleet.wait_until([&] { return fleet.screen(i).mode == "locked"; }, 10s,
                         fmt::format("TV {} ({}) locked after session {} stopped", i, station_code, session));
    }
    return summarize(std::move(latencies_ms));
}

}  // namespace

void run_idle_tvs(const DriverOptions& options) {
    const auto rss_before = options.host_pid ? resident_kib(options.host_pid) : 0L;
    print_row(fmt::format("Kernel TCP sockets before {} TVs (/proc/net/sockstat)", options.tvs), tcp_sockstat());
    TvFleet fleet("127.0.0.1", options.load.port, options.tv_threads, options.follow);
    connect_fleet(fleet, options.tvs);
    const auto per_tv = [&](long rss) {
        return fmt::format("{:.1f} KB ({} → {})",
                           static_cast<double>(rss - rss_before) / static_cast<double>(options.tvs), mib(rss_before),
                           mib(rss));
    };
    if (options.host_pid)
        print_row(fmt::format("Host RSS per TV, {} TVs connected", options.tvs), per_tv(resident_kib(options.host_pid)));
    std::this_thread::sleep_for(std::chrono::seconds(options.idle_seconds));
    print_row(fmt::format("TVs still connected after {} s idle", options.idle_seconds),
              fmt::format("{} of {}", still_connected(fleet), options.tvs));
    if (options.host_pid)
        print_row(fmt::format("Host RSS per TV, {} TVs after {} s idle", options.tvs, options.idle_seconds),
                  per_tv(resident_kib(options.host_pid)));
    print_row(fmt::format("Kernel TCP sockets with {} TVs (/proc/net/sockstat)", options.tvs), tcp_sockstat());
    fleet.close_all(std::chrono::seconds(10 + options.tvs / 500));
}

void run_unlock(const DriverOptions& options) {
    AdminApi admin(options.load.port, options.load.token);
    TvFleet fleet("127.0.0.1", options.load.port, options.tv_threads, options.follow);
    connect_fleet(fleet, options.tvs);
    const auto pairing = Clock::now();
    pair_all(fleet, admin, "U" + options.run_tag + "-", options.auto_add);
    print_row(fmt::format("{} TVs paired through the API, one at a time", options.tvs),
              fmt::format("{:.2f} s", seconds_since(pairing)));
    const auto latency = measure_unlocks(fleet, admin, options.unlocks, options.load.rate);
    const auto loop = options.load.rate > 0 ? fmt::format("one at a time, due at {:.0f}/s", options.load.rate)
                                            : std::string("one at a time, back to back");
    print_row(fmt::format("Unlock latency, session start call → TV state active ({} sessions, {}; {} TVs connected)",
                          latency.count, loop, options.tvs),
              fmt::format("p50 {}, p99 {}, max {}", format_ms(latency.p50), format_ms(latency.p99),
                          format_ms(latency.max)));
    fleet.close_all(std::chrono::seconds(10 + options.tvs / 500));
}

}  // namespace billing::bench
