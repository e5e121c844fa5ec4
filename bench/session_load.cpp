// Session start/stop throughput through the API: creates a 60-minute fixed
// package and `stations` stations, then `threads` client threads, each with
// one keep-alive connection and its own slice of the stations, loop
// POST /sessions then POST /sessions/{id}/stop for a warm-up second and the
// measured `seconds`. Each start and each stop is one transaction. Prints one
// markdown row:
//   | stations, threads, connections | transactions/s | start p50 | start p99 | stop p50 | stop p99 |
//
//   session_load --port P --token T [--stations 200] [--threads 8] [--seconds 10]
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "keep_alive_client.hpp"
#include "latency_summary.hpp"
#include "rental_setup.hpp"

namespace {

using namespace billing::bench;
using Clock = std::chrono::steady_clock;

enum class Phase { warming_up, measuring, done };

struct Options {
    unsigned short port = 0;
    std::string token;
    int stations = 200;
    int threads = 8;
    int seconds = 10;
};

// What one client thread measured: the latency of every start and stop
// that began and ended inside the measured window.
struct ThreadResult {
    std::vector<double> start_ms, stop_ms;
    std::string error;
};

double elapsed_ms(Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

void run_client(const Options& options, std::int64_t package_id, std::vector<std::int64_t> stations,
                std::atomic<Phase>& phase, ThreadResult& result) {
    try {
        KeepAliveClient client(options.port, options.token);
        while (phase != Phase::done) {
            for (auto station_id : stations) {
                const bool counted = phase == Phase::measuring;
                const auto started = Clock::now();
                const auto session = client.call("POST", "/api/v1/sessions",
                                                 {{"station_id", station_id}, {"package_id", package_id}}, 201);
                const double start_ms = elapsed_ms(started);
                const auto stopping = Clock::now();
                client.call("POST", fmt::format("/api/v1/sessions/{}/stop", session.at("id").get<std::int64_t>()),
                            nlohmann::json::object(), 200);
                const double stop_ms = elapsed_ms(stopping);
                // A pair that straddles the end of the window is left out.
                if (counted && phase == Phase::measuring) {
                    result.start_ms.push_back(start_ms);
                    result.stop_ms.push_back(stop_ms);
                }
                if (phase == Phase::done) break;
            }
        }
    } catch (const std::exception& error) {
        result.error = error.what();
        phase = Phase::done;
    }
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app{"Session start/stop transactions per second through the billing host's API"};
    app.add_option("--port", options.port, "the host's loopback port")->required();
    app.add_option("--token", options.token, "an admin's bearer token")->required();
    app.add_option("--stations", options.stations, "stations to create and use")->check(CLI::Range(1, 9999));
    app.add_option("--threads", options.threads, "client threads, one connection each")->check(CLI::Range(1, 256));
    app.add_option("--seconds", options.seconds, "length of the measured window")->check(CLI::Range(1, 3600));
    CLI11_PARSE(app, argc, argv);

    try {
        KeepAliveClient admin(options.port, options.token);
        const auto package_id = create_fixed_package(admin, "Bench 60 min", 60);
        const auto stations = create_stations(admin, "L", options.stations);

        // Station i belongs to thread i mod threads.
        std::vector<std::vector<std::int64_t>> slices(static_cast<std::size_t>(options.threads));
        for (std::size_t i = 0; i < stations.size(); ++i) slices[i % slices.size()].push_back(stations[i]);

        std::atomic<Phase> phase{Phase::warming_up};
        std::vector<ThreadResult> results(slices.size());
        std::vector<std::thread> clients;
        for (std::size_t i = 0; i < slices.size(); ++i)
            clients.emplace_back(run_client, std::cref(options), package_id, slices[i], std::ref(phase),
                                 std::ref(results[i]));

        std::this_thread::sleep_for(std::chrono::seconds(1));
        auto expected = Phase::warming_up;
        phase.compare_exchange_strong(expected, Phase::measuring);
        const auto window_start = Clock::now();
        std::this_thread::sleep_for(std::chrono::seconds(options.seconds));
        const double window_s = elapsed_ms(window_start) / 1000.0;
        phase = Phase::done;
        for (auto& client : clients) client.join();

        std::vector<double> starts, stops;
        for (const auto& result : results) {
            if (!result.error.empty()) {
                std::fprintf(stderr, "session_load: a client failed: %s\n", result.error.c_str());
                return 1;
            }
            starts.insert(starts.end(), result.start_ms.begin(), result.start_ms.end());
            stops.insert(stops.end(), result.stop_ms.begin(), result.stop_ms.end());
        }
        const auto start = summarize(starts), stop = summarize(stops);
        const double per_second = static_cast<double>(start.count + stop.count) / window_s;
        std::printf("%s\n", fmt::format("| {} stations, {} threads, {} keep-alive connections | {:.0f} | {} | {} | {} | {} |",
                                        options.stations, options.threads, options.threads, per_second,
                                        format_ms(start.p50), format_ms(start.p99), format_ms(stop.p50),
                                        format_ms(stop.p99))
                                .c_str());
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "session_load: %s\n", error.what());
        return 1;
    }
}
