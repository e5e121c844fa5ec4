#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace billing::bench {

class KeepAliveClient;

// Creating what a scenario needs through the real API as an admin; any
// refusal throws std::runtime_error quoting the answer.

// A fixed package of `minutes` for Rp 10.000 on any console; returns its id.
std::int64_t create_fixed_package(KeepAliveClient& admin, const std::string& name, int minutes);
// `count` PS4 stations coded <prefix>0001, <prefix>0002, ...; returns their ids.
std::vector<std::int64_t> create_stations(KeepAliveClient& admin, const std::string& prefix, int count);

}  // namespace billing::bench
