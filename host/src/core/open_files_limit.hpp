#pragma once

namespace billing::host {

// Raises this process's soft limit of open files to its hard limit: every
// TV, dashboard and event stream holds a socket (in bench/load-driver, every simulated
// TV), and the usual soft limit of 1,024 would refuse connections long
// before memory or CPU run short. Returns the limit now in force.
long raise_open_files_limit();

}  // namespace billing::host
