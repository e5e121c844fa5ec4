#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>

#include "http/api_dispatcher.hpp"
#include "http/http_server.hpp"
#include "http/static_files.hpp"

namespace billing::host {

// A connection the server can ask to go away at shutdown.
class LiveConnection {
public:
    virtual ~LiveConnection() = default;
    // Called from any thread: an idle connection closes at once, one with a
    // request in flight after its response (sent with Connection: close).
    virtual void shutdown() = 0;
};

// What every connection of one server shares: its options and services,
// the dispatcher and static files, and the set of live connections that
// shutdown waits for.
class ServerState {
public:
    ServerState(HttpServerOptions options, HttpServices services);

    const HttpServerOptions& options() const { return options_; }
    const HttpServices& services() const { return services_; }
    ApiDispatcher& dispatcher() { return dispatcher_; }
    const StaticFiles& static_files() const { return static_files_; }

    std::uint64_t next_connection_id() { return next_connection_id_++; }

    // A connection joins when it starts and leaves from its destructor.
    // Joining during shutdown asks it to shut down at once.
    void join(std::uint64_t id, const std::weak_ptr<LiveConnection>& connection);
    void leave(std::uint64_t id);
    bool shutting_down() const { return shutting_down_; }

    // Asks every live connection to shut down and waits until none is left
    // or `grace` has passed; returns how many are still open.
    std::size_t shut_down(std::chrono::milliseconds grace);

private:
    HttpServerOptions options_;
    HttpServices services_;
    ApiDispatcher dispatcher_;
    StaticFiles static_files_;
    std::atomic<std::uint64_t> next_connection_id_{1};
    std::atomic<bool> shutting_down_{false};

    std::mutex mutex_;
    std::condition_variable connection_left_;
    std::map<std::uint64_t, std::weak_ptr<LiveConnection>> live_;
};

}  // namespace billing::host
