// Timer accuracy with many concurrent sessions: creates a 1-minute fixed
// package and `sessions` stations, subscribes to GET /api/v1/events, starts
// a session on every station as fast as `threads` keep-alive clients can,
// then collects every session.ended event. For each, the lateness is the
// event's publication time ("at") minus the session's deadline_at. Prints
// the rows of a "| Measure | Value |" markdown table; exits 1 if an event is
// missing, an end is not at its deadline, or one came 1 s late or more.
//
//   timer_accuracy --port P --token T [--sessions 1000] [--threads 4]
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "admin_api.hpp"
#include "core/clock.hpp"
#include "keep_alive_client.hpp"
#include "latency_summary.hpp"
#include "support/sse_client.hpp"

namespace {

using namespace billing::bench;
using Clock = std::chrono::steady_clock;

struct Options {
    unsigned short port = 0;
    std::string token;
    int sessions = 1000;
    int threads = 4;
};

// What the events told about one session's end.
struct Ending {
    double lateness_ms = 0;       // event "at" minus deadline_at
    double received_late_ms = 0;  // this process's clock on arrival minus deadline_at
    bool at_deadline = false;     // ended_at == deadline_at
    bool expired = false;         // reason "expired"
};

std::int64_t instant(const nlohmann::json& text) {
    std::int64_t unix_ms = 0;
    if (!text.is_string() || !billing::host::parse_instant(text.get<std::string>(), unix_ms))
        throw std::runtime_error("not an instant: " + text.dump());
    return unix_ms;
}

// Starts one session on each station of `stations`, returns the latest deadline.
std::int64_t start_all(const Options& options, std::int64_t package_id, const std::vector<std::int64_t>& stations) {
    std::atomic<std::size_t> next{0};
    std::atomic<std::int64_t> latest_deadline{0};
    std::vector<std::string> errors(static_cast<std::size_t>(options.threads));
    std::vector<std::thread> clients;
    for (std::size_t t = 0; t < errors.size(); ++t)
        clients.emplace_back([&, t] {
            try {
                KeepAliveClient client(options.port, options.token);
                for (auto i = next++; i < stations.size(); i = next++) {
                    const auto session = client.call("POST", "/api/v1/sessions",
                                                     {{"station_id", stations[i]}, {"package_id", package_id}}, 201);
                    const auto deadline = instant(session.at("deadline_at"));
                    auto seen = latest_deadline.load();
                    while (deadline > seen && !latest_deadline.compare_exchange_weak(seen, deadline)) {
                    }
                }
            } catch (const std::exception& error) {
                errors[t] = error.what();
            }
        });
    for (auto& client : clients) client.join();
    for (const auto& error : errors)
        if (!error.empty()) throw std::runtime_error("starting sessions: " + error);
    return latest_deadline;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app{"How close to their deadlines many concurrent sessions end"};
    app.add_option("--port", options.port, "the host's loopback port")->required();
    app.add_option("--token", options.token, "an admin's bearer token")->required();
    app.add_option("--sessions", options.sessions, "stations and sessions")->check(CLI::Range(1, 9999));
    app.add_option("--threads", options.threads, "client threads starting sessions")->check(CLI::Range(1, 64));
    CLI11_PARSE(app, argc, argv);

    try {
        AdminApi admin(options.port, options.token);
        const auto package_id = admin.create_fixed_package("Bench 1 min", 1);
        const auto stations = admin.create_stations("T", options.sessions);

        billing::test::SseClient events(options.port, "/api/v1/events", {{"Authorization", "Bearer " + options.token}});
        if (events.status() != 200) throw std::runtime_error(fmt::format("GET /api/v1/events answered {}", events.status()));

        const auto starting = Clock::now();
        const auto latest_deadline = start_all(options, package_id, stations);
        const double start_s = std::chrono::duration<double>(Clock::now() - starting).count();

        // Every end is due by the latest deadline; a generous margin after it
        // tells a missing event from a late one.
        std::map<std::int64_t, Ending> endings;  // by session id
        while (endings.size() < stations.size() && billing::host::now_ms() < latest_deadline + 30'000) {
            auto event = events.next(std::chrono::milliseconds(500));
            if (!event || event->event != "session.ended") continue;
            const auto arrived = billing::host::now_ms();
            const auto data = nlohmann::json::parse(event->data);
            const auto& session = data.at("payload").at("session");
            const auto deadline = instant(session.at("deadline_at"));
            endings[session.at("id").get<std::int64_t>()] = Ending{
                .lateness_ms = static_cast<double>(instant(data.at("at")) - deadline),
                .received_late_ms = static_cast<double>(arrived - deadline),
                .at_deadline = session.at("ended_at") == session.at("deadline_at"),
                .expired = data.at("payload").at("reason") == "expired"};
        }

        std::vector<double> lateness, received;
        std::size_t at_deadline = 0, expired = 0, within_a_second = 0;
        for (const auto& [id, ending] : endings) {
            lateness.push_back(ending.lateness_ms);
            received.push_back(ending.received_late_ms);
            at_deadline += ending.at_deadline;
            expired += ending.expired;
            within_a_second += ending.lateness_ms < 1000;
        }
        const auto published = summarize(lateness), arrived = summarize(received);
        const auto total = stations.size();
        std::printf("%s", fmt::format("| Sessions started ({} client threads, keep-alive) | {} in {:.2f} s ({:.0f}/s) |\n"
                                      "| session.ended events received | {} of {} |\n"
                                      "| ended_at == deadline_at, reason expired | {} of {}, {} of {} |\n"
                                      "| Ended within 1 s of the deadline (event `at`) | {} of {} |\n"
                                      "| Lateness, event `at` − deadline: p50 / p99 / max | {} / {} / {} |\n"
                                      "| Lateness, SSE arrival at the client − deadline: p50 / p99 / max | {} / {} / {} |\n",
                                      options.threads, total, start_s, static_cast<double>(total) / start_s,
                                      endings.size(), total, at_deadline, total, expired, total, within_a_second,
                                      total, format_ms(published.p50), format_ms(published.p99),
                                      format_ms(published.max), format_ms(arrived.p50), format_ms(arrived.p99),
                                      format_ms(arrived.max))
                                  .c_str());
        const bool all_good = endings.size() == total && at_deadline == total && within_a_second == total;
        return all_good ? 0 : 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "timer_accuracy: %s\n", error.what());
        return 1;
    }
}
