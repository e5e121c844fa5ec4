#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "billing/sdk/abi.hpp"

namespace billing::sdk {

using SqlValue = std::variant<std::nullptr_t, long long, double, std::string>;
using SqlParams = std::vector<SqlValue>;

// One step of a plugin's schema. Versions start at 1 and only grow; a
// migration that has run is never edited, a new one is added instead.
struct Migration {
    int version = 0;
    std::string description;
    std::string sql;  // one or more statements separated by ';'
};

// The plugin's view of the host database. Placeholders are written `:name`
// and bound in order of appearance, which SOCI maps to every backend.
// Prefix table names with the plugin id (`tvws_devices`) to stay out of the
// host's and other plugins' way.
class BILLING_SDK_API Storage {
public:
    virtual ~Storage() = default;
    // Runs, in order and each in its own transaction, the migrations newer
    // than the version recorded for this plugin. Throws on failure.
    virtual void migrate(const std::vector<Migration>& migrations) = 0;
    // Returns the rows as an array of objects keyed by column name; INTEGER
    // columns come back as numbers, TEXT as strings, NULL as null.
    virtual nlohmann::json query(const std::string& sql, const SqlParams& params = {}) = 0;
    // Runs a statement and returns the number of rows it changed.
    virtual long long execute(const std::string& sql, const SqlParams& params = {}) = 0;
    // Runs `work` in one write transaction (taken immediately, so it never
    // fails half way on a lock upgrade): committed when `work` returns,
    // rolled back when it throws (the exception is passed on).
    virtual void transaction(const std::function<void(Storage&)>& work) = 0;
};

}  // namespace billing::sdk
