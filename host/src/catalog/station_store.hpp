#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/station.hpp"

namespace billing::host {

class Database;
class EventBus;
class PackageStore;

// The stations, stored in the stations table and cached in memory (the TV
// board reads them thousands of times a second). Mutations validate first
// (sdk::ApiError with a distinct code, nothing changed), write, update the
// cache, then publish station.created / station.updated / station.deleted.
class StationStore {
public:
    // Answers whether a station has a session running or paused: such a
    // station cannot be disabled, put in maintenance or deleted.
    using BusyCheck = std::function<bool(std::int64_t station_id)>;

    StationStore(Database& database, EventBus& bus, const PackageStore& packages);
    // Installed by the sessions module once it exists (before any request).
    void set_busy_check(BusyCheck busy);

    std::vector<Station> list() const;  // ordered by code
    std::optional<Station> find(std::int64_t id) const;
    std::optional<Station> find_by_code(const std::string& code) const;  // case-insensitive
    std::optional<Station> find_by_ip(const std::string& ip_address) const;
    // The station or 404 station_not_found.
    Station get(std::int64_t id) const;
    // Bumped on every change, so readers can cache what they build from list().
    std::uint64_t version() const { return version_.load(); }

    // body: {code, name?, console_type, tariff_package_id?, ip_address?,
    // enabled?, maintenance?}. `actor` goes into the event.
    Station create(const nlohmann::json& body, const std::string& actor);
    // body: any of the fields above (code renames).
    Station update(std::int64_t id, const nlohmann::json& body, const std::string& actor);
    // 409 station_in_use when any session ever ran on it (disable it instead).
    void remove(std::int64_t id, const std::string& actor);
    // The next unused code of the form TVnn ("TV03" after TV01, TV02).
    std::string next_free_code() const;

    // Reads every station again (after a restore).
    void reload();

private:
    Database& database_;
    EventBus& bus_;
    const PackageStore& packages_;
    BusyCheck busy_;
    std::mutex write_mutex_;  // one mutation at a time: each validates against the last
    mutable std::shared_mutex cache_mutex_;
    std::vector<Station> cache_;
    std::atomic<std::uint64_t> version_{1};
};

}  // namespace billing::host
