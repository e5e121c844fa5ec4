#include "unit/catalog/catalog_fixture.hpp"

#include <soci/soci.h>

namespace billing::host::test {

std::string refusal(const std::function<void()>& call) {
    try {
        call();
    } catch (const sdk::ApiError& error) {
        return error.code();
    }
    return "";
}

CatalogTest::CatalogTest() {
    // An inline poster: handlers run on the publisher's thread before publish() returns.
    bus.subscribe(
        "test", "*",
        [this](const sdk::Event& event) {
            std::lock_guard lock(events_mutex_);
            events_.push_back(event);
        },
        [](std::function<void()> job) { job(); });
}

nlohmann::json CatalogTest::state() {
    std::string station_rows, package_rows;
    db.database.read([&](soci::session& session) {
        session << "SELECT json_group_array(json_array(id, code, name, console_type, tariff_package_id, ip_address, "
                   "enabled, maintenance, created_at, updated_at)) FROM (SELECT * FROM stations ORDER BY id)",
            soci::into(station_rows);
        session << "SELECT json_group_array(json_array(id, name, console_type, kind, duration_minutes, price, "
                   "night_price, night_from, night_until, rounding_minutes, minimum_charge, active, created_at, "
                   "updated_at)) FROM (SELECT * FROM packages ORDER BY id)",
            soci::into(package_rows);
    });
    return {{"station_rows", nlohmann::json::parse(station_rows)},
            {"package_rows", nlohmann::json::parse(package_rows)},
            {"stations", stations.list()},
            {"packages", packages.list()},
            {"station_version", stations.version()},
            {"package_version", packages.version()},
            {"events", events_seen().size()}};
}

std::vector<sdk::Event> CatalogTest::events_seen() {
    std::lock_guard lock(events_mutex_);
    return events_;
}

Package CatalogTest::open_play(const std::string& console_type, const std::string& name) {
    return packages.create({{"name", name}, {"console_type", console_type}, {"kind", "open"}, {"price", 12000}},
                           "admin");
}

Package CatalogTest::fixed(const std::string& console_type, const std::string& name) {
    return packages.create(
        {{"name", name}, {"console_type", console_type}, {"kind", "fixed"}, {"duration_minutes", 60}, {"price", 10000}},
        "admin");
}

Station CatalogTest::station(const std::string& code, nlohmann::json extra) {
    extra["code"] = code;
    if (!extra.contains("console_type")) extra["console_type"] = "PS4";
    return stations.create(extra, "admin");
}

void CatalogTest::add_session(std::int64_t station_id, std::int64_t package_id, bool ended) {
    const long long station = station_id, package = package_id;
    db.database.write([&](soci::session& session) {
        session << "INSERT INTO sessions (station_id, package_id, kind, payment, started_by, business_day, "
                   "started_at, ended_at) VALUES (:station, :package, 'open', 'cash', 'kasir', '2026-11-21', 1000, " +
                       std::string(ended ? "2000" : "NULL") + ")",
            soci::use(station), soci::use(package);
    });
}

void CatalogTest::execute(const std::string& sql) {
    db.database.write([&](soci::session& session) { session << sql; });
}

}  // namespace billing::host::test
