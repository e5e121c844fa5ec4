#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "http_load.hpp"

namespace billing::bench {

// What the load driver was asked to do (see main.cpp for the flags).
struct DriverOptions {
    LoadOptions load;                  // port, token, threads, connections, window, rate
    std::string run_tag;               // keeps the station codes of separate runs apart
    int stations = 100;                // reads: live stations made first; sessions, sse: stations used
    std::vector<std::string> targets;  // reads: the GET targets
    std::size_t dashboards = 10;       // sse
    std::size_t tvs = 100;             // idle-tvs, unlock
    int tv_threads = 2;                // idle-tvs, unlock: threads running the TVs
    int unlocks = 100;                 // unlock: sessions started
    bool auto_add = false;             // unlock: pair without stations (the plugin adds them)
    bool follow = false;               // idle-tvs: print what each TV is told
    int idle_seconds = 30;             // idle-tvs
    int host_pid = 0;                  // idle-tvs: the host, for its memory
};

// Each scenario prints markdown table rows (| measure | value ... |) to
// stdout and progress to stderr, and throws std::runtime_error saying what
// went wrong. docs/PERFORMANCE.md says what each one measures.

// Authenticated JSON reads of the targets, after making `stations` live stations.
void run_reads(const DriverOptions& options);
// Session start/stop write transactions on `stations` stations.
void run_sessions(const DriverOptions& options);
// Session starts/stops as in run_sessions, with `dashboards` SSE streams
// open: the delay from each session event's publication to each dashboard.
void run_sse(const DriverOptions& options);
// `tvs` idle TV WebSockets held for `idle_seconds`: the host's memory per TV.
void run_idle_tvs(const DriverOptions& options);
// `tvs` paired TVs, then `unlocks` sessions: from the start call to the TV's "active" state.
void run_unlock(const DriverOptions& options);

}  // namespace billing::bench
