#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <billing/sdk/rental.hpp>
#include <nlohmann/json.hpp>

namespace tv {

// Each station's code and IP mapping by id, so finding one station costs a
// map lookup and one station's description, not the whole board (which
// with 1,000 stations is most of an unlock's time). Kept current from the
// station.* events; an id it does not know makes it read the board again
// (an event may have been dropped or not arrived yet).
class StationIndex {
public:
    explicit StationIndex(billing::sdk::Rental& rental);

    // The station with its live state, or null.
    nlohmann::json station(std::int64_t station_id);
    // The station's id by code (any case), if there is one.
    std::optional<std::int64_t> id_of_code(const std::string& code);
    // The station whose IP mapping is `ip`, with its live state.
    std::optional<nlohmann::json> station_with_ip(const std::string& ip);

    // A station.created / station.updated / station.deleted payload.
    void station_changed(const std::string& topic, const nlohmann::json& payload);

private:
    struct Entry {
        std::string code;
        std::string ip;
    };
    void reload();
    void remember(const nlohmann::json& station);

    billing::sdk::Rental& rental_;
    std::map<std::int64_t, Entry> by_id_;
};

}  // namespace tv
