#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "http_load.hpp"

namespace billing::bench {

// Session start/stop writes on the connection's own stations: POST
// /api/v1/sessions on the next station (label "start", must answer 201),
// then POST /api/v1/sessions/{id}/stop of that session (label "stop", must
// answer 200), and so on round the stations. Each request is one write
// transaction on the host.
class SessionFlow : public RequestFlow {
public:
    SessionFlow(std::vector<std::int64_t> station_ids, std::int64_t package_id);
    LoadRequest next() override;
    void answered(const LoadRequest& request, int status, const std::string& body) override;

private:
    std::vector<std::int64_t> stations_;
    std::int64_t package_id_;
    std::size_t next_station_ = 0;
    std::optional<std::int64_t> running_;  // the session to stop next
};

}  // namespace billing::bench
