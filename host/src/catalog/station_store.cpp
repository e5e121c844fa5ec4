#include "catalog/station_store.hpp"

#include <algorithm>
#include <cctype>

#include <billing/sdk/http.hpp>
#include <billing/sdk/topics.hpp>
#include <fmt/format.h>
#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include "bus/event_bus.hpp"
#include "catalog/changed_fields.hpp"
#include "catalog/code_order.hpp"
#include "catalog/ip_address.hpp"
#include "catalog/package_store.hpp"
#include "catalog/station_input.hpp"
#include "core/clock.hpp"
#include "storage/database.hpp"
#include "storage/nullable.hpp"

namespace billing::host {

namespace {

using sdk::ApiError;


// A station's values in the types its statements bind.
struct StationRow {
    explicit StationRow(const Station& station)
        : id(station.id),
          tariff_package_id(station.tariff_package_id),
          ip_address(station.ip_address),
          enabled(station.enabled ? 1 : 0),
          maintenance(station.maintenance ? 1 : 0),
          created_at(station.created_at),
          updated_at(station.updated_at) {}

    long long id;
    NullableInteger tariff_package_id;
    NullableText ip_address;
    long long enabled, maintenance, created_at, updated_at;
};

std::vector<Station> select_stations(soci::session& session) {
    long long id = 0, enabled = 0, maintenance = 0, created_at = 0, updated_at = 0;
    std::string code, name, console_type;
    NullableInteger tariff_package_id;
    NullableText ip_address;
    soci::statement statement =
        (session.prepare << "SELECT id, code, name, console_type, tariff_package_id, ip_address, enabled, "
                            "maintenance, created_at, updated_at FROM stations",
         soci::into(id), soci::into(code), soci::into(name), soci::into(console_type),
         soci::into(tariff_package_id.value, tariff_package_id.indicator),
         soci::into(ip_address.value, ip_address.indicator), soci::into(enabled), soci::into(maintenance),
         soci::into(created_at), soci::into(updated_at));
    statement.execute();
    std::vector<Station> stations;
    while (statement.fetch()) {
        stations.push_back(Station{.id = id,
                                   .code = code,
                                   .name = name,
                                   .console_type = console_type,
                                   .tariff_package_id = tariff_package_id.get(),
                                   .ip_address = ip_address.get(),
                                   .enabled = enabled != 0,
                                   .maintenance = maintenance != 0,
                                   .created_at = created_at,
                                   .updated_at = updated_at});
    }
    return stations;
}

std::int64_t insert_station(soci::session& session, const Station& station) {
    StationRow row(station);
    session << "INSERT INTO stations (code, name, console_type, tariff_package_id, ip_address, enabled, "
               "maintenance, created_at, updated_at) VALUES (:code, :name, :console_type, :tariff_package_id, "
               ":ip_address, :enabled, :maintenance, :created_at, :updated_at)",
        soci::use(station.code), soci::use(station.name), soci::use(station.console_type),
        soci::use(row.tariff_package_id.value, row.tariff_package_id.indicator),
        soci::use(row.ip_address.value, row.ip_address.indicator), soci::use(row.enabled), soci::use(row.maintenance),
        soci::use(row.created_at), soci::use(row.updated_at);
    long long id = 0;
    if (!session.get_last_insert_id("stations", id))
        throw DatabaseError("stations: the id of new station " + station.code + " is unknown");
    return id;
}

void update_station(soci::session& session, const Station& station) {
    StationRow row(station);
    session << "UPDATE stations SET code = :code, name = :name, console_type = :console_type, "
               "tariff_package_id = :tariff_package_id, ip_address = :ip_address, enabled = :enabled, "
               "maintenance = :maintenance, updated_at = :updated_at WHERE id = :id",
        soci::use(station.code), soci::use(station.name), soci::use(station.console_type),
        soci::use(row.tariff_package_id.value, row.tariff_package_id.indicator),
        soci::use(row.ip_address.value, row.ip_address.indicator), soci::use(row.enabled), soci::use(row.maintenance),
        soci::use(row.updated_at), soci::use(row.id);
}

// A session that has not ended is running or paused.
bool has_live_session(soci::session& session, std::int64_t station_id) {
    const long long id = station_id;
    long long live = 0;
    session << "SELECT COUNT(*) FROM sessions WHERE station_id = :id AND ended_at IS NULL", soci::into(live),
        soci::use(id);
    return live > 0;
}

// Whether any history points at the station, which deleting it would orphan.
bool has_history(soci::session& session, std::int64_t station_id) {
    const long long in_sessions = station_id, in_sales = station_id, in_log = station_id;
    int used = 0;
    session << "SELECT EXISTS (SELECT 1 FROM sessions WHERE station_id = :in_sessions) "
               "OR EXISTS (SELECT 1 FROM sales WHERE station_id = :in_sales) "
               "OR EXISTS (SELECT 1 FROM session_log WHERE station_id = :in_log)",
        soci::into(used), soci::use(in_sessions), soci::use(in_sales), soci::use(in_log);
    return used != 0;
}

ApiError station_not_found(std::int64_t id) {
    return ApiError(404, "station_not_found", "no station with id " + std::to_string(id));
}

ApiError station_busy(const Station& station, const std::string& refused_change) {
    return ApiError(409, "station_busy", "station " + station.code + " has a running or paused session; stop it before " +
                                             refused_change);
}

// Codes are stored upper case, but a restored or hand-edited database may
// hold any case.
bool same_code(const std::string& a, const std::string& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
    });
}

// 409 when another station has the candidate's code or address.
void check_unique(const std::vector<Station>& stations, const Station& candidate) {
    for (const auto& other : stations) {
        if (other.id == candidate.id) continue;
        if (same_code(other.code, candidate.code))
            throw ApiError(409, "station_code_taken", "station code " + candidate.code + " is taken (station " +
                                                          std::to_string(other.id) + ")");
        if (candidate.ip_address && other.ip_address == candidate.ip_address)
            throw ApiError(409, "station_ip_taken",
                           "ip_address " + *candidate.ip_address + " belongs to station " + other.code);
    }
}

// The walk-in tariff must be an active open-play package for the console.
void check_tariff(const PackageStore& packages, const Station& station) {
    if (!station.tariff_package_id) return;
    const auto package_id = *station.tariff_package_id;
    auto package = packages.find(package_id);
    if (!package)
        throw ApiError(404, "package_not_found", "tariff_package_id: no package with id " + std::to_string(package_id));
    const auto named = "package " + std::to_string(package_id) + " (" + package->name + ")";
    if (!package->is_open_play())
        throw ApiError(409, "package_not_open_play",
                       "tariff_package_id: " + named + " is a fixed package; a station's tariff must be open play");
    if (!package->fits(station.console_type))
        throw ApiError(409, "package_console_mismatch", "tariff_package_id: " + named + " is for " +
                                                            package->console_type + ", the station is " +
                                                            station.console_type);
    if (!package->active)
        throw ApiError(409, "package_inactive", "tariff_package_id: " + named + " is retired (inactive)");
}

void sort_by_code(std::vector<Station>& stations) {
    std::sort(stations.begin(), stations.end(),
              [](const Station& a, const Station& b) { return code_before(a.code, b.code); });
}

}  // namespace

StationStore::StationStore(Database& database, EventBus& bus, const PackageStore& packages)
    : database_(database), bus_(bus), packages_(packages) {
    reload();
}

void StationStore::set_busy_check(BusyCheck busy) { busy_ = std::move(busy); }

std::vector<Station> StationStore::list() const {
    std::shared_lock lock(cache_mutex_);
    return cache_;
}

std::optional<Station> StationStore::find(std::int64_t id) const {
    std::shared_lock lock(cache_mutex_);
    auto it = std::find_if(cache_.begin(), cache_.end(), [&](const Station& s) { return s.id == id; });
    if (it == cache_.end()) return std::nullopt;
    return *it;
}

std::optional<Station> StationStore::find_by_code(const std::string& code) const {
    std::shared_lock lock(cache_mutex_);
    auto it = std::find_if(cache_.begin(), cache_.end(), [&](const Station& s) { return same_code(s.code, code); });
    if (it == cache_.end()) return std::nullopt;
    return *it;
}

std::optional<Station> StationStore::find_by_ip(const std::string& ip_address) const {
    auto canonical = canonical_ip_address(ip_address);
    if (!canonical) return std::nullopt;
    std::shared_lock lock(cache_mutex_);
    auto it = std::find_if(cache_.begin(), cache_.end(), [&](const Station& s) { return s.ip_address == canonical; });
    if (it == cache_.end()) return std::nullopt;
    return *it;
}

Station StationStore::get(std::int64_t id) const {
    auto station = find(id);
    if (!station) throw station_not_found(id);
    return *station;
}

std::string StationStore::next_free_code() const {
    for (int number = 1;; ++number) {
        auto code = fmt::format("TV{:02}", number);
        if (!find_by_code(code)) return code;
    }
}

Station StationStore::create(const nlohmann::json& body, const std::string& actor) {
    auto station = station_input::new_station(body);
    std::lock_guard serial(write_mutex_);
    check_unique(list(), station);
    check_tariff(packages_, station);
    station.created_at = station.updated_at = now_ms();
    database_.write([&](soci::session& session) { station.id = insert_station(session, station); });

    {
        std::unique_lock lock(cache_mutex_);
        cache_.push_back(station);
        sort_by_code(cache_);
    }
    ++version_;
    spdlog::info("station {} ({}) created by {}", station.code, station.id, actor);
    bus_.publish(sdk::topics::station_created, {{"station", station}, {"actor", actor}}, "host");
    return station;
}

Station StationStore::update(std::int64_t id, const nlohmann::json& body, const std::string& actor) {
    std::lock_guard serial(write_mutex_);
    const auto before = get(id);
    auto after = station_input::with_changes(before, body);
    const auto changed = changed_fields(nlohmann::json(before), nlohmann::json(after));
    if (changed.empty()) return before;

    check_unique(list(), after);
    if (after.tariff_package_id != before.tariff_package_id || after.console_type != before.console_type)
        check_tariff(packages_, after);
    const bool taken_out_of_service = (before.enabled && !after.enabled) || (!before.maintenance && after.maintenance);
    const auto busy_refusal = [&] { return station_busy(before, "disabling it or putting it in maintenance"); };
    if (taken_out_of_service && busy_ && busy_(id)) throw busy_refusal();

    after.updated_at = now_ms();
    bool busy = false;
    database_.write([&](soci::session& session) {
        // Checked again inside the transaction: a session committed since
        // the check above would otherwise slip through.
        if (taken_out_of_service && has_live_session(session, id)) {
            busy = true;
            return;
        }
        update_station(session, after);
    });
    if (busy) throw busy_refusal();

    {
        std::unique_lock lock(cache_mutex_);
        std::replace_if(cache_.begin(), cache_.end(), [&](const Station& s) { return s.id == id; }, after);
        sort_by_code(cache_);
    }
    ++version_;
    spdlog::info("station {} ({}) updated by {}: {}", after.code, id, actor, fmt::join(changed, ", "));
    bus_.publish(sdk::topics::station_updated, {{"station", after}, {"changed", changed}, {"actor", actor}}, "host");
    return after;
}

void StationStore::remove(std::int64_t id, const std::string& actor) {
    std::lock_guard serial(write_mutex_);
    const auto station = get(id);
    if (busy_ && busy_(id)) throw station_busy(station, "deleting it");

    std::optional<ApiError> refused;
    database_.write([&](soci::session& session) {
        if (has_live_session(session, id)) {
            refused = station_busy(station, "deleting it");
        } else if (has_history(session, id)) {
            refused = ApiError(409, "station_in_use",
                               "station " + station.code + " has sessions or sales on record; disable it instead");
        } else {
            const long long station_id = id;
            session << "DELETE FROM stations WHERE id = :id", soci::use(station_id);
        }
    });
    if (refused) throw *refused;

    {
        std::unique_lock lock(cache_mutex_);
        std::erase_if(cache_, [&](const Station& s) { return s.id == id; });
    }
    ++version_;
    spdlog::info("station {} ({}) deleted by {}", station.code, id, actor);
    bus_.publish(sdk::topics::station_deleted, {{"station", station}, {"actor", actor}}, "host");
}

void StationStore::reload() {
    std::lock_guard serial(write_mutex_);
    std::vector<Station> stations;
    database_.read([&](soci::session& session) { stations = select_stations(session); });
    sort_by_code(stations);
    {
        std::unique_lock lock(cache_mutex_);
        cache_ = std::move(stations);
    }
    ++version_;
}

}  // namespace billing::host
