#include "station_index.hpp"

#include <billing/sdk/http.hpp>

namespace tv {

StationIndex::StationIndex(billing::sdk::Rental& rental) : rental_(rental) { reload(); }

void StationIndex::reload() {
    by_id_.clear();
    const auto board = rental_.stations();
    for (const auto& station : board.at("stations")) remember(station);
}

void StationIndex::remember(const nlohmann::json& station) {
    const auto& ip = station.at("ip_address");
    by_id_[station.at("id").get<std::int64_t>()] = {station.at("code").get<std::string>(),
                                                    ip.is_string() ? ip.get<std::string>() : ""};
}

void StationIndex::station_changed(const std::string& topic, const nlohmann::json& payload) {
    if (!payload.is_object() || !payload.contains("station") || !payload["station"].is_object()) return;
    const auto& station = payload["station"];
    if (topic == "station.deleted")
        by_id_.erase(station.at("id").get<std::int64_t>());
    else if (topic == "station.created" || topic == "station.updated")
        remember(station);
}

nlohmann::json StationIndex::station(std::int64_t station_id) {
    // A miss, or a code renamed or deleted since the index last heard, means
    // the index is behind: it reads the board once and tries again.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (auto found = by_id_.find(station_id); found != by_id_.end()) {
            try {
                return rental_.station(found->second.code);
            } catch (const billing::sdk::ApiError&) {
            }
        }
        if (attempt == 0) reload();
    }
    return nullptr;
}

std::optional<std::int64_t> StationIndex::id_of_code(const std::string& code) {
    try {
        return rental_.station(code).at("id").get<std::int64_t>();
    } catch (const billing::sdk::ApiError&) {
        return std::nullopt;
    }
}

std::optional<nlohmann::json> StationIndex::station_with_ip(const std::string& ip) {
    for (const auto& [id, entry] : by_id_)
        if (entry.ip == ip) {
            auto found = station(id);
            if (found.is_object()) return found;
        }
    return std::nullopt;
}

}  // namespace tv
