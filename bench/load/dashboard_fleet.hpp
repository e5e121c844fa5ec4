#pragma once
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace billing::bench {

// M dashboards listening to GET /api/v1/events (Server-Sent Events) on
// 127.0.0.1, on one io_context run by a few threads. For every event whose
// topic starts with `topic_prefix`, a dashboard records its delay: the
// wall-clock time it arrived minus the event's `at` (both in milliseconds,
// so each delay is exact to about a millisecond).
class DashboardFleet {
public:
    // Returns once every dashboard's stream answered 200; throws
    // std::runtime_error naming the dashboard and the answer otherwise.
    DashboardFleet(unsigned short port, const std::string& token, std::size_t dashboards, int threads,
                   std::string topic_prefix);
    ~DashboardFleet();
    DashboardFleet(const DashboardFleet&) = delete;
    DashboardFleet& operator=(const DashboardFleet&) = delete;

    // Waits until every dashboard has received `events` matching events;
    // false if that did not happen within `timeout` or a stream ended.
    bool wait_for(std::size_t events, std::chrono::milliseconds timeout);
    // The fewest matching events any dashboard received.
    std::size_t fewest_received() const;
    // Every dashboard's delays, together.
    std::vector<double> delays_ms() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace billing::bench
