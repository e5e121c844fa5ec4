#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace billing::bench {

// Percentiles of a set of durations or offsets, in milliseconds.
struct LatencySummary {
    std::size_t count = 0;
    double p50 = 0, p99 = 0, max = 0;
};

// Nearest-rank percentiles; all zero for no samples.
LatencySummary summarize(std::vector<double> samples_ms);

// "1.23 ms" (two decimals under 10 ms, one above).
std::string format_ms(double milliseconds);

}  // namespace billing::bench
