#pragma once
#include "app/host_options.hpp"

namespace billing::host {

// The whole host wired together: database, bus, auth, HTTP server, plugins.
// run() blocks until SIGINT or SIGTERM, then shuts down in order: stop
// accepting, finish requests in flight, stop plugins (reverse dependency
// order), stop the threads.
class Application {
public:
    explicit Application(HostOptions options);
    // Returns the process exit code.
    int run();

private:
    HostOptions options_;
};

}  // namespace billing::host
