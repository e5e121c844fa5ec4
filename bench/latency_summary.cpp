#include "latency_summary.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace billing::bench {

LatencySummary summarize(std::vector<double> samples_ms) {
    LatencySummary summary;
    summary.count = samples_ms.size();
    if (samples_ms.empty()) return summary;
    std::sort(samples_ms.begin(), samples_ms.end());
    // Nearest rank: the smallest sample with at least p% of them at or below it.
    const auto rank = [&](double percent) {
        const auto index = static_cast<std::size_t>(std::ceil(percent / 100.0 * static_cast<double>(samples_ms.size())));
        return samples_ms[std::max<std::size_t>(index, 1) - 1];
    };
    summary.p50 = rank(50);
    summary.p99 = rank(99);
    summary.max = samples_ms.back();
    return summary;
}

std::string format_ms(double milliseconds) {
    return std::abs(milliseconds) < 10 ? fmt::format("{:.2f} ms", milliseconds) : fmt::format("{:.1f} ms", milliseconds);
}

}  // namespace billing::bench
