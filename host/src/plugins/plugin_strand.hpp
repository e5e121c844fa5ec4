#pragma once
#include <memory>
#include <mutex>

#include "core/poster.hpp"

namespace billing::host {

// Where one plugin's code runs, one call at a time. Jobs posted through
// poster() run on the plugin's Asio strand holding the plugin's lock; the
// manager's own calls (start, stop, configure) take the same lock on the
// calling thread instead of posting to the strand and waiting: a worker
// thread waiting for the strand could starve it when the pool is small
// (one worker thread is a valid configuration).
class PluginStrand {
public:
    explicit PluginStrand(Poster strand);

    // Posts `job` to the strand; it runs holding the lock.
    const Poster& poster() const { return poster_; }
    // Excludes every job of this plugin while held. Never taken from a job
    // of the same plugin (it already holds it).
    std::unique_lock<std::mutex> lock() const { return std::unique_lock(*mutex_); }

private:
    // Shared with queued jobs, which may outlive this object at shutdown.
    std::shared_ptr<std::mutex> mutex_;
    Poster poster_;
};

}  // namespace billing::host
