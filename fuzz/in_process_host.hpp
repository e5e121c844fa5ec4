#pragma once
// The host wired as Application wires it, in one process without sockets or
// threads, for the fuzz targets: a migrated database in a fresh temporary
// directory, the stores and services on it, the host's API routes in a
// Router, and a PluginManager over the product plugins' manifests (their
// libraries are not loaded, so no plugin code runs). Work the services post
// to the worker threads runs when the target calls run_posted_work().
#include <filesystem>
#include <memory>

#include "plugins/plugin_services.hpp"

namespace billing::host {

class Router;
class PluginManager;
struct RentalCore;

class InProcessHost {
public:
    InProcessHost();
    ~InProcessHost();
    InProcessHost(const InProcessHost&) = delete;
    InProcessHost& operator=(const InProcessHost&) = delete;

    Router& router();
    RentalCore& rental();
    // What the plugin manager hands each plugin's context.
    PluginServices plugin_services();
    // Runs what was posted to the worker threads, on this thread.
    void run_posted_work();

private:
    struct Parts;
    std::filesystem::path dir_;
    std::unique_ptr<Parts> parts_;
};

}  // namespace billing::host
