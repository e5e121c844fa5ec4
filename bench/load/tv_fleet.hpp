#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "tv_screen.hpp"

namespace billing::bench {

// Many simulated TVs (TvConnection) on one io_context run by a few threads.
// Waits throw std::runtime_error saying what did not happen in time.
class TvFleet {
public:
    // `follow`: print each TV's screen changes to stdout.
    TvFleet(const std::string& host, unsigned short port, int threads, bool follow);
    ~TvFleet();
    TvFleet(const TvFleet&) = delete;
    TvFleet& operator=(const TvFleet&) = delete;

    // Opens `count` more TVs, at most `in_flight` of them before their first
    // state arrives (so the host's listen backlog is not flooded), and
    // returns once all show their first screen.
    void connect(std::size_t count, std::size_t in_flight, std::chrono::seconds timeout);
    std::size_t size() const;
    TvScreen screen(std::size_t index) const;
    // Waits until `done` holds; it is checked after each message any TV receives.
    void wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout, const std::string& what);
    // Closes every TV and waits (up to `timeout`) for the connections to end.
    void close_all(std::chrono::seconds timeout);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace billing::bench
