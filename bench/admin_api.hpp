#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace billing::bench {

class KeepAliveClient;

// The admin API calls that set a scenario up, over one keep-alive
// connection to 127.0.0.1 (KeepAliveClient). Every refusal throws
// std::runtime_error quoting the host's answer.
class AdminApi {
public:
    AdminApi(unsigned short port, std::string token);
    ~AdminApi();

    // A fixed package of `minutes` for Rp 10.000 on any console; returns its id.
    std::int64_t create_fixed_package(const std::string& name, int minutes);
    // A PS4 station `code`; returns its id.
    std::int64_t create_station(const std::string& code);
    // `count` PS4 stations coded <prefix>0001, <prefix>0002, ...; returns their ids.
    std::vector<std::int64_t> create_stations(const std::string& prefix, int count);
    // Every station's id by its code.
    std::map<std::string, std::int64_t> station_ids();
    // Approves the TV showing `pairing_code` for `station_code`, or for a
    // station the tv-websocket plugin adds when there is none.
    void pair(const std::string& pairing_code, const std::optional<std::string>& station_code);
    // Starts a session; returns its id.
    std::int64_t start_session(std::int64_t station_id, std::int64_t package_id);
    void stop_session(std::int64_t session_id);

private:
    std::unique_ptr<KeepAliveClient> client_;
};

}  // namespace billing::bench
