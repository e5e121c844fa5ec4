#include "load_report.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "latency_summary.hpp"

namespace billing::bench {

std::string describe_load(const LoadOptions& options) {
    const auto loop = options.rate > 0 ? fmt::format("open loop at {:.0f}/s", options.rate) : std::string("closed loop");
    return fmt::format("{}, {} threads × {} connections", loop, options.threads, options.connections_per_thread);
}

namespace {

void print_latency_row(const std::string& title, std::size_t count, double seconds, const std::vector<double>& samples) {
    const auto summary = summarize(samples);
    fmt::print("| {} | {:.0f}/s | {} | {} | {} |\n", title, static_cast<double>(count) / seconds,
               format_ms(summary.p50), format_ms(summary.p99), format_ms(summary.max));
}

}  // namespace

void print_load_rows(const std::string& title, const LoadResult& result) {
    std::vector<double> all;
    for (const auto& [label, samples] : result.latencies_ms) all.insert(all.end(), samples.begin(), samples.end());
    print_latency_row(title, result.measured_count, result.measured_seconds, all);
    if (result.latencies_ms.size() > 1)
        for (const auto& [label, samples] : result.latencies_ms)
            print_latency_row(title + ": " + label, samples.size(), result.measured_seconds, samples);
    if (result.unsent > 0)
        fmt::print("| {}: requests due in the window but never sent (the host fell behind) | {} | | | |\n", title,
                   result.unsent);
    std::fflush(stdout);
}

void print_row(const std::string& label, const std::string& value) {
    fmt::print("| {} | {} |\n", label, value);
    std::fflush(stdout);
}

}  // namespace billing::bench
