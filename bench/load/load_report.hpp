#pragma once
#include <string>

#include "http_load.hpp"

namespace billing::bench {

// "closed loop, 2 threads × 8 connections" or "open loop at 500/s, ...".
std::string describe_load(const LoadOptions& options);

// Prints the rows of one HTTP load: all requests together, then each label
// when there are several:
//   | <title> | <answered>/s | p50 | p99 | max |
// and, for an open loop that fell behind, how many requests were never sent.
void print_load_rows(const std::string& title, const LoadResult& result);

// "| label | value |", flushed at once (a run may be long).
void print_row(const std::string& label, const std::string& value);

}  // namespace billing::bench
