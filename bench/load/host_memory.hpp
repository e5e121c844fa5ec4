#pragma once
#include <string>

namespace billing::bench {

// A process's resident memory in KiB (VmRSS in /proc/<pid>/status);
// throws std::runtime_error naming the file if it cannot be read.
long resident_kib(int pid);

// The TCP line of /proc/net/sockstat ("TCP: inuse 10012 orphan 0 tw 3 alloc 10020 mem 5"),
// the kernel's count of sockets and the pages their buffers hold.
std::string tcp_sockstat();

}  // namespace billing::bench
