#pragma once
#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/package.hpp"

namespace billing::host {

class Database;
class EventBus;

// The packages, stored in the packages table and cached in memory.
// Mutations validate first (sdk::ApiError with a distinct code, nothing
// changed), write, update the cache, then publish package.created /
// package.updated. Packages are never deleted: `active: false` retires one.
class PackageStore {
public:
    PackageStore(Database& database, EventBus& bus);

    std::vector<Package> list(bool include_inactive = true) const;  // ordered by id
    std::optional<Package> find(std::int64_t id) const;
    // The package or 404 package_not_found.
    Package get(std::int64_t id) const;
    std::uint64_t version() const { return version_.load(); }

    // body: {name, console_type, kind, duration_minutes?, price,
    // night_price?, night_from?, night_until?, rounding_minutes?,
    // minimum_charge?, active?}.
    Package create(const nlohmann::json& body, const std::string& actor);
    Package update(std::int64_t id, const nlohmann::json& body, const std::string& actor);

    void reload();

private:
    Database& database_;
    EventBus& bus_;
    std::mutex write_mutex_;
    mutable std::shared_mutex cache_mutex_;
    std::vector<Package> cache_;
    std::atomic<std::uint64_t> version_{1};
};

}  // namespace billing::host
