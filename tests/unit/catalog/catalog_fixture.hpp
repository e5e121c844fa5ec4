#pragma once
// A migrated database in a temporary directory with the catalog's stores on
// it, the events they publish, and helpers to compare the whole state before
// and after a refused call.
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include <billing/sdk/http.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bus/event_bus.hpp"
#include "catalog/package_store.hpp"
#include "catalog/station_store.hpp"
#include "unit/storage/migrated_database.hpp"

namespace billing::host::test {

// The error code a call throws, "" when it succeeds.
std::string refusal(const std::function<void()>& call);

class CatalogTest : public ::testing::Test {
protected:
    CatalogTest();

    // Everything a refused call must leave alone: the rows, the caches,
    // their versions and the events so far.
    nlohmann::json state();
    std::vector<sdk::Event> events_seen();

    // An open-play package for `console_type`, created through the store.
    Package open_play(const std::string& console_type = "any", const std::string& name = "Open play");
    Package fixed(const std::string& console_type = "any", const std::string& name = "1 hour");
    Station station(const std::string& code, nlohmann::json extra = nlohmann::json::object());
    // A session row on the station, live unless `ended`, as the sessions
    // module would write it.
    void add_session(std::int64_t station_id, std::int64_t package_id, bool ended = false);
    // Runs SQL outside the stores, as another program could.
    void execute(const std::string& sql);

    billing::test::MigratedDatabase db;
    EventBus bus;
    PackageStore packages{db.database, bus};
    StationStore stations{db.database, bus, packages};

private:
    std::mutex events_mutex_;
    std::vector<sdk::Event> events_;
};

}  // namespace billing::host::test
