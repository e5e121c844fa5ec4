#pragma once
#include <chrono>
#include <memory>
#include <optional>

#include "core/poster.hpp"

namespace billing::host {

// Where one plugin's code runs, one call at a time: a thread of the
// plugin's own (a "lane") that runs posted jobs in order. Its own thread,
// not the host's work pool, so a plugin call that never returns stalls this
// plugin only, never the host's routes or another plugin. The manager's
// own calls (start, stop, configure) take the lane's lock on the calling
// thread instead of posting and waiting.
//
// When a call is stuck, abandon() leaves the stuck thread behind and gives
// the strand a fresh lane; the jobs queued behind the stuck call run there
// (the caller has closed the plugin's guard first, so they only answer
// "not running" and call no plugin code).
class PluginStrand {
public:
    struct Lane;

    // Held by the manager's own calls; excludes every job of this plugin.
    class Lock {
    public:
        explicit Lock(std::shared_ptr<Lane> lane);
        ~Lock();
        Lock(Lock&& other) noexcept = default;
        Lock(const Lock&) = delete;
        Lock& operator=(const Lock&) = delete;
        Lock& operator=(Lock&&) = delete;

    private:
        std::shared_ptr<Lane> lane_;
    };

    PluginStrand();
    // Runs what is queued, then ends the lane's thread. A lane abandoned
    // earlier is not waited for.
    ~PluginStrand();
    PluginStrand(const PluginStrand&) = delete;
    PluginStrand& operator=(const PluginStrand&) = delete;

    // Posts `job` to the current lane; it runs in order, alone. Valid after
    // the strand is gone (jobs posted then are dropped).
    const Poster& poster() const { return poster_; }
    // Waits until no job runs, then excludes them all while held. Never
    // taken from a job of the same plugin (it would wait for itself). If
    // the lane is abandoned meanwhile, takes the new lane's lock.
    Lock lock() const;
    // How long the call now running (a job or a held lock) has been
    // running, or nothing when the lane is idle.
    std::optional<std::chrono::steady_clock::duration> busy_for() const;
    // Leaves the current lane to its stuck call; later and queued jobs run on
    // a new lane.
    void abandon();
    // Whether some lane was abandoned: its thread may still be inside the
    // plugin's library, which must then never be unloaded.
    bool has_abandoned() const;
    // Returns once every job posted before the call has run.
    void drain();

private:
    struct Shared;
    std::shared_ptr<Shared> shared_;
    Poster poster_;
};

}  // namespace billing::host
