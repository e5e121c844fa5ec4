#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace billing::bench {

// One HTTP request of a load, and the label its latency is counted under.
struct LoadRequest {
    std::string label;   // e.g. "start", "GET /api/v1/stations"
    std::string method;  // "GET", "POST"
    std::string target;
    std::string body;  // JSON; empty for none
};

// What one connection sends: asked for the next request once the previous
// one was answered, told each answer. It throws std::runtime_error to stop
// the whole load when an answer is wrong. One flow per connection, only
// ever called from that connection's thread.
class RequestFlow {
public:
    virtual ~RequestFlow() = default;
    virtual LoadRequest next() = 0;
    // `body` is the answer's first 16 KiB (all of it for anything but the
    // station board).
    virtual void answered(const LoadRequest& request, int status, const std::string& body) = 0;
};

// The flow of connection `index` of `count`.
using FlowFactory = std::function<std::unique_ptr<RequestFlow>(std::size_t index, std::size_t count)>;

struct LoadOptions {
    unsigned short port = 0;
    std::string token;  // sent as a bearer token
    int threads = 2;    // each with its own io_context
    int connections_per_thread = 8;
    std::chrono::milliseconds warmup{1000};
    std::chrono::milliseconds measured{10000};
    // Requests per second over all connections (open loop): each request has
    // a send time fixed in advance and its latency runs from that time, so a
    // slow answer delays the requests behind it and they count as late
    // (no coordinated omission). 0: closed loop, each connection sends its
    // next request as soon as the last was answered (the highest throughput).
    double rate = 0;
};

struct LoadResult {
    double measured_seconds = 0;
    // Latencies in ms by label, of the requests due inside the measured window.
    std::map<std::string, std::vector<double>> latencies_ms;
    std::size_t measured_count = 0;  // requests due inside the window and answered
    std::size_t answered_total = 0;  // including the warm-up and the drain after the window
    // Open loop only: requests due inside the window never sent, because the
    // host was still more than a few seconds behind the schedule after it.
    std::size_t unsent = 0;
};

// Opens threads × connections_per_thread keep-alive connections to the host
// on 127.0.0.1, runs the flows for the warm-up and the measured window, then
// lets the requests already due finish. Throws std::runtime_error with the
// first failure (no connection, a flow that refused an answer).
LoadResult run_http_load(const LoadOptions& options, const FlowFactory& flows);

}  // namespace billing::bench
