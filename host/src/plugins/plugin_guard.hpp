#pragma once
#include <atomic>
#include <functional>
#include <string>

#include "core/poster.hpp"

namespace billing::host {

// One running instance of a plugin as the host's adapters see it: the
// strand its code runs on, whether it may still be called, and whom to tell
// when it throws. Closed when the instance stops or faults; from then on no
// call into its code starts.
class PluginGuard {
public:
    using FaultHandler = std::function<void(const std::string& reason)>;

    PluginGuard(std::string plugin_id, Poster poster, FaultHandler on_fault);

    const std::string& plugin_id() const { return plugin_id_; }
    const Poster& poster() const { return poster_; }

    void close() { closed_ = true; }
    bool closed() const { return closed_; }

    // Runs plugin code unless closed. An exception escaping it is a fault:
    // reported to the manager (which stops the plugin) and swallowed here.
    // Returns true when the code ran and returned normally.
    bool call(const std::function<void()>& plugin_code);
    // Reports a fault caught elsewhere (a route handler's exception).
    void fault(const std::string& reason);

private:
    const std::string plugin_id_;
    const Poster poster_;
    const FaultHandler on_fault_;
    std::atomic<bool> closed_{false};
};

}  // namespace billing::host
