#include "host_memory.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace billing::bench {

long resident_kib(int pid) {
    const auto path = "/proc/" + std::to_string(pid) + "/status";
    std::ifstream status(path);
    for (std::string line; std::getline(status, line);)
        if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
    throw std::runtime_error("no VmRSS in " + path + " (is process " + std::to_string(pid) + " running?)");
}

std::string tcp_sockstat() {
    std::ifstream sockstat("/proc/net/sockstat");
    for (std::string line; std::getline(sockstat, line);)
        if (line.starts_with("TCP:")) return line;
    return "TCP: (no /proc/net/sockstat)";
}

}  // namespace billing::bench
