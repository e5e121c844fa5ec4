#pragma once
#include <string>

#include <billing/sdk/storage.hpp>

namespace billing::host {

class Database;

// The host database as one plugin sees it: its own migrations (recorded
// with the plugin id as owner), queries and statements with positional
// parameters, and immediate write transactions.
class PluginStorage : public sdk::Storage {
public:
    PluginStorage(Database& database, std::string plugin_id);

    void migrate(const std::vector<sdk::Migration>& migrations) override;
    nlohmann::json query(const std::string& sql, const sdk::SqlParams& params = {}) override;
    long long execute(const std::string& sql, const sdk::SqlParams& params = {}) override;
    void transaction(const std::function<void(sdk::Storage&)>& work) override;

private:
    Database& database_;
    const std::string plugin_id_;
};

}  // namespace billing::host
