#include "admin_api.hpp"

#include <fmt/format.h>

#include "keep_alive_client.hpp"

namespace billing::bench {

AdminApi::AdminApi(unsigned short port, std::string token)
    : client_(std::make_unique<KeepAliveClient>(port, std::move(token))) {}

AdminApi::~AdminApi() = default;

std::int64_t AdminApi::create_fixed_package(const std::string& name, int minutes) {
    const nlohmann::json body = {{"name", name},       {"console_type", "any"}, {"kind", "fixed"},
                                 {"duration_minutes", minutes}, {"price", 10000}};
    return client_->call("POST", "/api/v1/packages", body, 201).at("id").get<std::int64_t>();
}

std::int64_t AdminApi::create_station(const std::string& code) {
    const nlohmann::json body = {{"code", code}, {"name", "Bench " + code}, {"console_type", "PS4"}};
    return client_->call("POST", "/api/v1/stations", body, 201).at("id").get<std::int64_t>();
}

std::vector<std::int64_t> AdminApi::create_stations(const std::string& prefix, int count) {
    std::vector<std::int64_t> ids;
    for (int number = 1; number <= count; ++number) ids.push_back(create_station(fmt::format("{}{:04}", prefix, number)));
    return ids;
}

std::map<std::string, std::int64_t> AdminApi::station_ids() {
    std::map<std::string, std::int64_t> ids;
    const auto board = client_->call("GET", "/api/v1/stations", nullptr, 200);
    for (const auto& station : board.at("stations"))
        ids[station.at("code").get<std::string>()] = station.at("id").get<std::int64_t>();
    return ids;
}

void AdminApi::pair(const std::string& pairing_code, const std::optional<std::string>& station_code) {
    nlohmann::json body = {{"code", pairing_code}};
    if (station_code) body["station_code"] = *station_code;
    client_->call("POST", "/api/v1/plugins/tv-websocket/pairings", body, 200);
}

std::int64_t AdminApi::start_session(std::int64_t station_id, std::int64_t package_id) {
    const nlohmann::json body = {{"station_id", station_id}, {"package_id", package_id}};
    return client_->call("POST", "/api/v1/sessions", body, 201).at("id").get<std::int64_t>();
}

void AdminApi::stop_session(std::int64_t session_id) {
    client_->call("POST", fmt::format("/api/v1/sessions/{}/stop", session_id), nlohmann::json::object(), 200);
}

}  // namespace billing::bench
