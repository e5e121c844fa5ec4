#include "plugins/plugin_storage.hpp"

#include <stdexcept>

#include "plugins/sql_rows.hpp"
#include "storage/database.hpp"
#include "storage/migrator.hpp"

namespace billing::host {

namespace {

// Storage inside one write transaction: every call uses the transaction's
// session, so reads see the transaction's own writes.
class TransactionStorage : public sdk::Storage {
public:
    explicit TransactionStorage(soci::session& session) : session_(session) {}

    void migrate(const std::vector<sdk::Migration>&) override {
        throw std::logic_error("migrate() cannot run inside a transaction");
    }
    nlohmann::json query(const std::string& sql, const sdk::SqlParams& params) override {
        return query_rows(session_, sql, params);
    }
    long long execute(const std::string& sql, const sdk::SqlParams& params) override {
        return execute_statement(session_, sql, params);
    }
    // Already inside one: the work joins it.
    void transaction(const std::function<void(sdk::Storage&)>& work) override { work(*this); }

private:
    soci::session& session_;
};

}  // namespace

PluginStorage::PluginStorage(Database& database, std::string plugin_id)
    : database_(database), plugin_id_(std::move(plugin_id)) {}

void PluginStorage::migrate(const std::vector<sdk::Migration>& migrations) {
    Migrator(database_).apply(plugin_id_, migrations);
}

nlohmann::json PluginStorage::query(const std::string& sql, const sdk::SqlParams& params) {
    nlohmann::json rows;
    database_.read([&](soci::session& session) { rows = query_rows(session, sql, params); });
    return rows;
}

long long PluginStorage::execute(const std::string& sql, const sdk::SqlParams& params) {
    long long changed = 0;
    database_.write([&](soci::session& session) { changed = execute_statement(session, sql, params); });
    return changed;
}

void PluginStorage::transaction(const std::function<void(sdk::Storage&)>& work) {
    database_.write([&](soci::session& session) {
        TransactionStorage storage(session);
        work(storage);
    });
}

}  // namespace billing::host
