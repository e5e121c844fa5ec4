// The scenarios that load the HTTP API: reads, sessions and sse.
#include <stdexcept>

#include <fmt/format.h>

#include "admin_api.hpp"
#include "dashboard_fleet.hpp"
#include "latency_summary.hpp"
#include "load_report.hpp"
#include "read_flow.hpp"
#include "scenarios.hpp"
#include "session_flow.hpp"

namespace billing::bench {
namespace {

using namespace std::chrono_literals;

std::size_t connection_count(const LoadOptions& load) {
    return static_cast<std::size_t>(load.threads) * static_cast<std::size_t>(load.connections_per_thread);
}

// A 60-minute package and the scenario's stations, shared out among the
// connections (station i to connection i mod count), each connection then
// starting and stopping sessions on its own stations only.
FlowFactory session_flows(const DriverOptions& options, const std::string& prefix) {
    const auto connections = connection_count(options.load);
    if (static_cast<std::size_t>(options.stations) < connections)
        throw std::runtime_error(fmt::format("{} stations for {} connections: each connection needs a station",
                                             options.stations, connections));
    AdminApi admin(options.load.port, options.load.token);
    const auto package = admin.create_fixed_package("Bench 60 min", 60);
    const auto stations = admin.create_stations(prefix + options.run_tag + "-", options.stations);
    return [stations, package](std::size_t index, std::size_t count) {
        std::vector<std::int64_t> own;
        for (std::size_t i = index; i < stations.size(); i += count) own.push_back(stations[i]);
        return std::make_unique<SessionFlow>(std::move(own), package);
    };
}

}  // namespace

void run_reads(const DriverOptions& options) {
    if (options.targets.empty()) throw std::runtime_error("reads needs at least one --target");
    if (options.stations > 0) {
        // Every station live: the station board then carries a session each.
        AdminApi admin(options.load.port, options.load.token);
        const auto package = admin.create_fixed_package("Bench 60 min", 60);
        for (const auto station : admin.create_stations("R" + options.run_tag + "-", options.stations))
            admin.start_session(station, package);
    }
    const auto targets = options.targets;
    const auto result = run_http_load(options.load, [&](std::size_t index, std::size_t) {
        // Connections start at different targets, so each target is asked all the time.
        return std::make_unique<ReadFlow>(targets, index);
    });
    std::string what;
    for (const auto& target : targets) what += (what.empty() ? "GET " : ", GET ") + target;
    const auto made = options.stations > 0 ? fmt::format("{} live stations made first; ", options.stations) : "";
    print_load_rows(fmt::format("reads: {} ({}{})", what, made, describe_load(options.load)), result);
}

void run_sessions(const DriverOptions& options) {
    const auto result = run_http_load(options.load, session_flows(options, "L"));
    print_load_rows(fmt::format("sessions: start + stop transactions ({} stations; {})", options.stations,
                                describe_load(options.load)),
                    result);
}

void run_sse(const DriverOptions& options) {
    auto flows = session_flows(options, "S");
    DashboardFleet dashboards(options.load.port, options.load.token, options.dashboards, 1, "session.");
    const auto load = run_http_load(options.load, flows);
    // Every answered start or stop published one session event, which
    // every dashboard should receive.
    const bool all_arrived = dashboards.wait_for(load.answered_total, 30s);
    const auto delays = summarize(dashboards.delays_ms());
    const auto title = fmt::format("sse: session events to {} dashboards ({}; {} events)", options.dashboards,
                                   describe_load(options.load), load.answered_total);
    print_row(title + ", delay from `at` to arrival over all receivers: p50 / p99 / max",
              fmt::format("{} / {} / {} ({} deliveries)", format_ms(delays.p50), format_ms(delays.p99),
                          format_ms(delays.max), delays.count));
    if (!all_arrived)
        throw std::runtime_error(fmt::format("a dashboard received only {} of {} session events within 30 s",
                                             dashboards.fewest_received(), load.answered_total));
}

}  // namespace billing::bench
