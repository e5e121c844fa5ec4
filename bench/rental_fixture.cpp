#include "rental_fixture.hpp"

#include <stdlib.h>

#include <optional>
#include <stdexcept>

#include <fmt/format.h>
#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include "bus/event_bus.hpp"
#include "catalog/package_store.hpp"
#include "catalog/station_store.hpp"
#include "core/clock.hpp"
#include "members/member_store.hpp"
#include "pricing/business_calendar.hpp"
#include "sessions/session_clock.hpp"
#include "sessions/session_service.hpp"
#include "sessions/station_board.hpp"
#include "settings/settings_store.hpp"
#include "storage/database.hpp"
#include "storage/migrator.hpp"

namespace billing::bench {

namespace {

std::filesystem::path make_temp_dir() {
    const std::filesystem::path parent = std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp";
    auto pattern = (parent / "billing-bench-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot make a directory like " + pattern);
    return pattern;
}

}  // namespace

struct RentalFixture::Impl {
    std::filesystem::path dir = make_temp_dir();
    host::Database database{{dir / "billing.db"}};
    host::EventBus bus{1 << 16};
    std::optional<host::SettingsStore> settings;
    std::optional<host::BusinessCalendar> calendar;
    std::optional<host::PackageStore> packages;
    std::optional<host::StationStore> stations;
    std::optional<host::MemberStore> members;
    host::SessionClock clock;
    std::optional<host::SessionService> sessions;
    std::optional<host::StationBoard> board;
    std::int64_t package_id = 0;
    int stations_made = 0;

    Impl() {
        // The stores log every change; thousands of lines would bury the figures.
        spdlog::set_level(spdlog::level::warn);
        host::Migrator(database).apply("host", host::host_migrations());
        settings.emplace(database, bus);
        calendar.emplace(*settings);
        packages.emplace(database, bus);
        stations.emplace(database, bus, *packages);
        members.emplace(database, bus, *packages, *calendar);
        sessions.emplace(host::SessionServiceDependencies{database, bus, *stations, *packages, *members, *calendar,
                                                          *settings, clock});
        stations->set_busy_check([this](std::int64_t id) { return sessions->live_on(id).has_value(); });
        board.emplace(*stations, *sessions, clock, bus);
        package_id = packages
                         ->create({{"name", "Bench 60 min"},
                                   {"console_type", "any"},
                                   {"kind", "fixed"},
                                   {"duration_minutes", 60},
                                   {"price", 10000}},
                                  "bench")
                         .id;
    }
    ~Impl() {
        board.reset();
        sessions.reset();
    }
};

RentalFixture::RentalFixture() : impl_(std::make_unique<Impl>()) {}

RentalFixture::~RentalFixture() {
    const auto dir = impl_->dir;
    impl_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}

void RentalFixture::add_live_stations(int count) {
    // The stations go into the database in one statement and the store
    // reloads them: StationStore::create() keeps its list sorted on every
    // call, which makes 10,000 one at a time take minutes.
    const int first = impl_->stations_made + 1;
    const long long now = host::now_ms();
    impl_->database.write([&](soci::session& sql) {
        sql << "WITH RECURSIVE n(i) AS (SELECT :first UNION ALL SELECT i + 1 FROM n WHERE i < :last) "
               "INSERT INTO stations (code, name, console_type, enabled, maintenance, created_at, updated_at) "
               "SELECT printf('B%05d', i), printf('Bench B%05d', i), 'PS4', 1, 0, :created, :updated FROM n",
            soci::use(first), soci::use(first + count - 1), soci::use(now), soci::use(now);
    });
    impl_->stations->reload();
    impl_->stations_made += count;
    for (int i = first; i < first + count; ++i) {
        const auto station = impl_->stations->find_by_code(fmt::format("B{:05}", i));
        impl_->sessions->start({{"station_id", station->id}, {"package_id", impl_->package_id}},
                                 host::ChangeOrigin{.actor = "bench"});
    }
}

host::SessionService& RentalFixture::sessions() { return *impl_->sessions; }
host::StationBoard& RentalFixture::board() { return *impl_->board; }

}  // namespace billing::bench
