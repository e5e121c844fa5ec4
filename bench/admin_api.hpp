#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace billing::bench {
class KeepAliveClient;
}

namespace billing::tools {

// The admin API calls the simulator makes to set a scenario up, over one
// keep-alive connection to 127.0.0.1 (bench's KeepAliveClient). Every
// refusal throws std::runtime_error quoting the host's answer.
class AdminApi {
public:
    AdminApi(unsigned short port, std::string token);
    ~AdminApi();

    // Every station's id by its code.
    std::map<std::string, std::int64_t> station_ids();
    // A PS4 station `code`; returns its id.
    std::int64_t create_station(const std::string& code);
    // Approves the TV showing `pairing_code` for `station_code`, or for a
    // station the plugin adds when there is none.
    void pair(const std::string& pairing_code, const std::optional<std::string>& station_code);
    // A 60-minute fixed package for any console; returns its id.
    std::int64_t create_package();
    // Starts a session; returns its id.
    std::int64_t start_session(std::int64_t station_id, std::int64_t package_id);
    void stop_session(std::int64_t session_id);

private:
    std::unique_ptr<bench::KeepAliveClient> client_;
};

}  // namespace billing::tools
