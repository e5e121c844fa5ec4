#include "catalog/package_store.hpp"

#include <algorithm>

#include <billing/sdk/http.hpp>
#include <billing/sdk/topics.hpp>
#include <fmt/format.h>
#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include "bus/event_bus.hpp"
#include "catalog/changed_fields.hpp"
#include "catalog/package_input.hpp"
#include "core/clock.hpp"
#include "storage/database.hpp"
#include "storage/nullable.hpp"

namespace billing::host {

namespace {


// A package's values in the types its statements bind.
struct PackageRow {
    explicit PackageRow(const Package& package)
        : id(package.id),
          duration_minutes(package.duration_minutes),
          price(package.price),
          night_price(package.night_price),
          night_from(package.night_from),
          night_until(package.night_until),
          rounding_minutes(package.rounding_minutes),
          minimum_charge(package.minimum_charge),
          active(package.active ? 1 : 0),
          created_at(package.created_at),
          updated_at(package.updated_at) {}

    long long id;
    NullableInteger duration_minutes;
    long long price;
    NullableInteger night_price;
    NullableText night_from, night_until;
    long long rounding_minutes, minimum_charge, active, created_at, updated_at;
};

std::vector<Package> select_packages(soci::session& session) {
    long long id = 0, price = 0, rounding_minutes = 0, minimum_charge = 0, active = 0, created_at = 0, updated_at = 0;
    std::string name, console_type, kind;
    NullableInteger duration_minutes, night_price;
    NullableText night_from, night_until;
    soci::statement statement =
        (session.prepare << "SELECT id, name, console_type, kind, duration_minutes, price, night_price, night_from, "
                            "night_until, rounding_minutes, minimum_charge, active, created_at, updated_at "
                            "FROM packages ORDER BY id",
         soci::into(id), soci::into(name), soci::into(console_type), soci::into(kind),
         soci::into(duration_minutes.value, duration_minutes.indicator), soci::into(price),
         soci::into(night_price.value, night_price.indicator), soci::into(night_from.value, night_from.indicator),
         soci::into(night_until.value, night_until.indicator), soci::into(rounding_minutes),
         soci::into(minimum_charge), soci::into(active), soci::into(created_at), soci::into(updated_at));
    statement.execute();
    std::vector<Package> packages;
    while (statement.fetch()) {
        packages.push_back(Package{.id = id,
                                   .name = name,
                                   .console_type = console_type,
                                   .kind = kind,
                                   .duration_minutes = duration_minutes.get(),
                                   .price = price,
                                   .night_price = night_price.get(),
                                   .night_from = night_from.get(),
                                   .night_until = night_until.get(),
                                   .rounding_minutes = rounding_minutes,
                                   .minimum_charge = minimum_charge,
                                   .active = active != 0,
                                   .created_at = created_at,
                                   .updated_at = updated_at});
    }
    return packages;
}

std::int64_t insert_package(soci::session& session, const Package& package) {
    PackageRow row(package);
    session << "INSERT INTO packages (name, console_type, kind, duration_minutes, price, night_price, night_from, "
               "night_until, rounding_minutes, minimum_charge, active, created_at, updated_at) VALUES (:name, "
               ":console_type, :kind, :duration_minutes, :price, :night_price, :night_from, :night_until, "
               ":rounding_minutes, :minimum_charge, :active, :created_at, :updated_at)",
        soci::use(package.name), soci::use(package.console_type), soci::use(package.kind),
        soci::use(row.duration_minutes.value, row.duration_minutes.indicator), soci::use(row.price),
        soci::use(row.night_price.value, row.night_price.indicator),
        soci::use(row.night_from.value, row.night_from.indicator),
        soci::use(row.night_until.value, row.night_until.indicator), soci::use(row.rounding_minutes),
        soci::use(row.minimum_charge), soci::use(row.active), soci::use(row.created_at), soci::use(row.updated_at);
    long long id = 0;
    if (!session.get_last_insert_id("packages", id))
        throw DatabaseError("packages: the id of new package " + package.name + " is unknown");
    return id;
}

// Every column but kind, which never changes, and created_at.
void update_package(soci::session& session, const Package& package) {
    PackageRow row(package);
    session << "UPDATE packages SET name = :name, console_type = :console_type, duration_minutes = :duration_minutes, "
               "price = :price, night_price = :night_price, night_from = :night_from, night_until = :night_until, "
               "rounding_minutes = :rounding_minutes, minimum_charge = :minimum_charge, active = :active, "
               "updated_at = :updated_at WHERE id = :id",
        soci::use(package.name), soci::use(package.console_type),
        soci::use(row.duration_minutes.value, row.duration_minutes.indicator), soci::use(row.price),
        soci::use(row.night_price.value, row.night_price.indicator),
        soci::use(row.night_from.value, row.night_from.indicator),
        soci::use(row.night_until.value, row.night_until.indicator), soci::use(row.rounding_minutes),
        soci::use(row.minimum_charge), soci::use(row.active), soci::use(row.updated_at), soci::use(row.id);
}

}  // namespace

PackageStore::PackageStore(Database& database, EventBus& bus) : database_(database), bus_(bus) { reload(); }

std::vector<Package> PackageStore::list(bool include_inactive) const {
    std::shared_lock lock(cache_mutex_);
    if (include_inactive) return cache_;
    std::vector<Package> active;
    std::copy_if(cache_.begin(), cache_.end(), std::back_inserter(active), [](const Package& p) { return p.active; });
    return active;
}

std::optional<Package> PackageStore::find(std::int64_t id) const {
    std::shared_lock lock(cache_mutex_);
    // The cache is ordered by id.
    auto it = std::lower_bound(cache_.begin(), cache_.end(), id, [](const Package& p, std::int64_t key) { return p.id < key; });
    if (it == cache_.end() || it->id != id) return std::nullopt;
    return *it;
}

Package PackageStore::get(std::int64_t id) const {
    auto package = find(id);
    if (!package) throw sdk::ApiError(404, "package_not_found", "no package with id " + std::to_string(id));
    return *package;
}

Package PackageStore::create(const nlohmann::json& body, const std::string& actor) {
    auto package = package_input::new_package(body);
    std::lock_guard serial(write_mutex_);
    package.created_at = package.updated_at = now_ms();
    database_.write([&](soci::session& session) { package.id = insert_package(session, package); });

    {
        // New ids are the largest, so the cache stays ordered by id.
        std::unique_lock lock(cache_mutex_);
        cache_.push_back(package);
    }
    ++version_;
    spdlog::info("package {} ({}) created by {}", package.id, package.name, actor);
    bus_.publish(sdk::topics::package_created, {{"package", package}, {"actor", actor}}, "host");
    return package;
}

Package PackageStore::update(std::int64_t id, const nlohmann::json& body, const std::string& actor) {
    std::lock_guard serial(write_mutex_);
    const auto before = get(id);
    auto after = package_input::with_changes(before, body);
    const auto changed = changed_fields(nlohmann::json(before), nlohmann::json(after));
    if (changed.empty()) return before;

    after.updated_at = now_ms();
    database_.write([&](soci::session& session) { update_package(session, after); });

    {
        std::unique_lock lock(cache_mutex_);
        std::replace_if(cache_.begin(), cache_.end(), [&](const Package& p) { return p.id == id; }, after);
    }
    ++version_;
    spdlog::info("package {} ({}) updated by {}: {}", id, after.name, actor, fmt::join(changed, ", "));
    bus_.publish(sdk::topics::package_updated, {{"package", after}, {"changed", changed}, {"actor", actor}}, "host");
    return after;
}

void PackageStore::reload() {
    std::lock_guard serial(write_mutex_);
    std::vector<Package> packages;
    database_.read([&](soci::session& session) { packages = select_packages(session); });
    {
        std::unique_lock lock(cache_mutex_);
        cache_ = std::move(packages);
    }
    ++version_;
}

}  // namespace billing::host
