#include "session_flow.hpp"

#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace billing::bench {

SessionFlow::SessionFlow(std::vector<std::int64_t> station_ids, std::int64_t package_id)
    : stations_(std::move(station_ids)), package_id_(package_id) {
    if (stations_.empty()) throw std::invalid_argument("SessionFlow needs at least one station");
}

LoadRequest SessionFlow::next() {
    if (running_)
        return {.label = "stop", .method = "POST", .target = fmt::format("/api/v1/sessions/{}/stop", *running_),
                .body = "{}"};
    const auto station = stations_[next_station_++ % stations_.size()];
    return {.label = "start", .method = "POST", .target = "/api/v1/sessions",
            .body = nlohmann::json{{"station_id", station}, {"package_id", package_id_}}.dump()};
}

void SessionFlow::answered(const LoadRequest& request, int status, const std::string& body) {
    const int expected = request.label == "start" ? 201 : 200;
    if (status != expected)
        throw std::runtime_error(fmt::format("{} {} answered {} (expected {}): {}", request.method, request.target,
                                             status, expected, body.substr(0, 300)));
    if (request.label == "start")
        running_ = nlohmann::json::parse(body).at("id").get<std::int64_t>();
    else
        running_.reset();
}

}  // namespace billing::bench
