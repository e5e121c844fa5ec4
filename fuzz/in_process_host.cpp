#include "in_process_host.hpp"

#include <cstdlib>
#include <string>

#include <boost/asio/io_context.hpp>
#include <spdlog/spdlog.h>

#include "api/router.hpp"
#include "app/api_routes.hpp"
#include "api/websocket_registry.hpp"
#include "audit/audit_log.hpp"
#include "auth/auth_service.hpp"
#include "auth/permission_catalog.hpp"
#include "bus/event_bus.hpp"
#include "bus/event_visibility.hpp"
#include "catalog/package_store.hpp"
#include "catalog/station_store.hpp"
#include "core/executors.hpp"
#include "daybook/day_book.hpp"
#include "members/member_store.hpp"
#include "net/outbound_http_client.hpp"
#include "plugins/plugin_manager.hpp"
#include "pricing/business_calendar.hpp"
#include "qr/qr_renderer.hpp"
#include "sessions/rental_core.hpp"
#include "sessions/session_clock.hpp"
#include "sessions/session_service.hpp"
#include "sessions/station_board.hpp"
#include "settings/settings_store.hpp"
#include "storage/database.hpp"
#include "storage/migrator.hpp"

namespace billing::host {

namespace {

// In memory where there is a tmpfs: the database is scratch, and every write
// the host makes waits for its flush to disk.
std::filesystem::path make_temp_dir() {
    const std::filesystem::path base =
        std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    std::string pattern = (base / "billing-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary directory from " + pattern);
    return pattern;
}

// The product plugins' manifests, each in a folder of its own as in a
// plugins directory, without their libraries.
std::filesystem::path manifests_only(const std::filesystem::path& dir) {
    const auto plugins_dir = dir / "plugins";
    for (const auto& entry : std::filesystem::directory_iterator(BILLING_SOURCE_DIR "/plugins")) {
        const auto manifest = entry.path() / "plugin.json";
        if (!std::filesystem::exists(manifest)) continue;
        std::filesystem::create_directories(plugins_dir / entry.path().filename());
        std::filesystem::copy_file(manifest, plugins_dir / entry.path().filename() / "plugin.json");
    }
    return plugins_dir;
}

// The host database with the host's schema.
struct MigratedDatabase {
    explicit MigratedDatabase(const std::filesystem::path& file) : database({file}) {
        Migrator(database).apply("host", host_migrations());
    }
    Database database;
};

}  // namespace

// Members in the order Application::run builds them.
struct InProcessHost::Parts {
    explicit Parts(const std::filesystem::path& dir)
        : migrated(dir / "billing.db"),
          settings(database, bus),
          auth(database, bus, permissions,
               // The cheapest password hashing: logins are fuzzed too.
               AuthOptions{.data_dir = dir, .password_cost = PasswordCost::minimum()}),
          calendar(settings),
          packages(database, bus),
          stations(database, bus, packages),
          members(database, bus, packages, calendar),
          sessions(SessionServiceDependencies{database, bus, stations, packages, members, calendar, settings,
                                              session_clock}),
          board(stations, sessions, session_clock, bus),
          rental{stations, packages, members, sessions, board},
          day_book(database, bus, calendar),
          http_client(network),
          plugins(services(dir), manifests_only(dir)) {
        auth.ensure_default_admin();
        stations.set_busy_check([this](std::int64_t station_id) { return sessions.live_on(station_id).has_value(); });
        plugins.start();
        const Poster workers = executors.worker_poster();
        register_api_routes(router, workers, auth, audit, settings, plugins, rental, day_book, database);
    }

    PluginServices services(const std::filesystem::path& dir) {
        return PluginServices{executors, bus,   visibility, router, websockets, database, settings,
                              audit,     permissions, http_client, qr,  dir,        &rental};
    }

    MigratedDatabase migrated;
    Database& database = migrated.database;
    boost::asio::io_context network;
    boost::asio::io_context work;
    Executors executors{network, work};
    EventBus bus;
    EventVisibility visibility;
    Router router;
    WebSocketRegistry websockets;
    PermissionCatalog permissions;
    AuditLog audit{database};
    SettingsStore settings;
    AuthService auth;
    QrRenderer qr;
    BusinessCalendar calendar;
    PackageStore packages;
    StationStore stations;
    MemberStore members;
    SessionClock session_clock;
    SessionService sessions;
    StationBoard board;
    RentalCore rental;
    DayBook day_book;
    OutboundHttpClient http_client;
    PluginManager plugins;
};

InProcessHost::InProcessHost() : dir_(make_temp_dir()), parts_(std::make_unique<Parts>(dir_)) {}

InProcessHost::~InProcessHost() {
    parts_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

Router& InProcessHost::router() { return parts_->router; }
RentalCore& InProcessHost::rental() { return parts_->rental; }
PluginServices InProcessHost::plugin_services() { return parts_->services(dir_); }

void InProcessHost::run_posted_work() {
    parts_->work.restart();
    parts_->work.poll();
}

}  // namespace billing::host

// libFuzzer calls this before the first input, so before a target builds
// its InProcessHost: only what breaks is worth printing. Every target that
// links this file (all that build a host) gets it.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    spdlog::set_level(spdlog::level::critical);
    return 0;
}
