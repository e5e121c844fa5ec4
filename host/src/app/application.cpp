#include "app/application.hpp"

#include <csignal>
#include <future>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <spdlog/spdlog.h>

#include <billing/sdk/topics.hpp>

#include "api/router.hpp"
#include "api/websocket_registry.hpp"
#include "app/api_routes.hpp"
#include "app/health_routes.hpp"
#include "app/route_list_routes.hpp"
#include "core/open_files_limit.hpp"
#include "audit/audit_log.hpp"
#include "auth/auth_service.hpp"
#include "auth/permission_catalog.hpp"
#include "backup/backup_routes.hpp"
#include "backup/backup_service.hpp"
#include "bus/event_bus.hpp"
#include "catalog/package_store.hpp"
#include "catalog/station_store.hpp"
#include "daybook/day_book.hpp"
#include "daybook/day_closer.hpp"
#include "bus/event_visibility.hpp"
#include "core/executors.hpp"
#include "core/heap_tuning.hpp"
#include "http/http_server.hpp"
#include "members/member_store.hpp"
#include "net/outbound_http_client.hpp"
#include "plugins/plugin_manager.hpp"
#include "pricing/business_calendar.hpp"
#include "qr/qr_renderer.hpp"
#include "sessions/rental_core.hpp"
#include "sessions/session_clock.hpp"
#include "sessions/session_service.hpp"
#include "sessions/session_ticker.hpp"
#include "sessions/station_board.hpp"
#include "settings/settings_store.hpp"
#include "storage/database.hpp"
#include "storage/migrator.hpp"

namespace billing::host {
namespace {

using boost::asio::io_context;
using WorkGuard = boost::asio::executor_work_guard<io_context::executor_type>;

void configure_logging(const std::string& level) {
    spdlog::set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ %v");
    spdlog::set_level(spdlog::level::from_str(level));
}

// Threads running one io_context until its guard is released.
class ThreadGroup {
public:
    ThreadGroup(io_context& context, int count) : guard_(context.get_executor()) {
        for (int i = 0; i < count; ++i) threads_.emplace_back([&context] { context.run(); });
    }
    ~ThreadGroup() { join(); }
    void join() {
        guard_.reset();
        for (auto& thread : threads_)
            if (thread.joinable()) thread.join();
    }

private:
    WorkGuard guard_;
    std::vector<std::thread> threads_;
};

}  // namespace

Application::Application(HostOptions options) : options_(std::move(options)) {}

int Application::run() {
    keep_freed_heap_memory();
    configure_logging(options_.log_level);
    const auto started = std::chrono::steady_clock::now();
    if (!options_.config_file.empty()) spdlog::info("config: {}", options_.config_file.string());

    // The data directory holds the database and the JWT secret: created on
    // first run, readable by the host's user only. An existing directory
    // keeps its mode (it may be shared, like /var/lib).
    if (std::filesystem::create_directories(options_.data_dir))
        std::filesystem::permissions(options_.data_dir, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::replace);
    spdlog::info("data directory: {}", std::filesystem::absolute(options_.data_dir).string());
    spdlog::info("open files limit: {}", raise_open_files_limit());

    Database database({options_.data_dir / "billing.db"});
    Migrator(database).apply("host", host_migrations());

    io_context network;
    io_context work;
    Executors executors(network, work);
    const Poster workers = executors.worker_poster();

    EventBus bus(options_.bus_queue_limit);
    EventVisibility visibility;
    Router router;
    WebSocketRegistry websockets;
    PermissionCatalog permissions;
    AuditLog audit(database);
    SettingsStore settings(database, bus);
    AuthService auth(database, bus, permissions,
                     AuthOptions{.data_dir = options_.data_dir, .token_lifetime = options_.token_lifetime});
    auth.ensure_default_admin();
    QrRenderer qr;
    OutboundHttpClient http_client(network);
    BackupService backup(database, options_.data_dir);

    // The rental core. Live sessions are recovered before anything can
    // change them: what fell due while the host was down happens first, at
    // the instant it was due.
    BusinessCalendar calendar(settings);
    PackageStore packages(database, bus);
    StationStore stations(database, bus, packages);
    MemberStore members(database, bus, packages, calendar);
    SessionClock session_clock;
    SessionService sessions(SessionServiceDependencies{database, bus, stations, packages, members, calendar, settings,
                                                       session_clock});
    stations.set_busy_check([&sessions](std::int64_t station_id) { return sessions.live_on(station_id).has_value(); });
    sessions.recover();
    StationBoard board(stations, sessions, session_clock, bus);
    RentalCore rental{stations, packages, members, sessions, board};
    SessionTicker ticker(executors, sessions, session_clock);
    sessions.on_schedule_change([&ticker] { ticker.poke(); });
    DayBook day_book(database, bus, calendar);
    DayCloser day_closer(executors, bus, day_book, calendar);
    // Money for a day already closed (open play that ran past the
    // boundary) rewrites that day's summary.
    bus.subscribe("host.daybook", sdk::topics::session_ended,
                  [&day_book](const sdk::Event& event) {
                      day_book.refresh(event.payload.at("session").at("business_day").get<std::string>());
                  },
                  executors.make_worker_strand());

    PluginManager plugins(PluginServices{executors, bus, visibility, router, websockets, database, settings, audit,
                                         permissions, http_client, qr, options_.data_dir, &rental},
                          options_.plugins_dir);

    register_health_routes(router, started);
    register_route_list_routes(router);
    register_api_routes(router, workers, auth, audit, settings, plugins, rental, day_book, database);
    // A restored database brings its own users, settings, rental data and
    // plugin state.
    register_backup_routes(router, workers, backup, bus, [&] {
        auth.reload();
        settings.reload();
        packages.reload();
        stations.reload();
        sessions.recover();
        plugins.restart_all();
    });

    HttpServerOptions http_options;
    http_options.bind_address = options_.bind_address;
    http_options.port = options_.port;
    http_options.body_limit = options_.body_limit;
    http_options.header_limit = options_.header_limit;
    http_options.request_timeout = options_.request_timeout;
    http_options.idle_timeout = options_.idle_timeout;
    http_options.sse_heartbeat = options_.sse_heartbeat;
    http_options.connection_queue_limit = options_.connection_queue_limit;
    http_options.web_root = options_.web_dir;
    http_options.plugin_web_root = [&plugins](const std::string& id) { return plugins.web_root(id); };
    HttpServer server(http_options,
                      HttpServices{executors, router, websockets, auth, audit, bus, visibility});

    // Signals are caught before any thread starts, so none is lost.
    std::promise<int> stop_signal;
    boost::asio::signal_set signals(network, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code& error, int number) {
        if (!error) stop_signal.set_value(number);
    });

    ThreadGroup network_threads(network, options_.network_threads);
    ThreadGroup work_threads(work, options_.worker_threads);

    // Shutdown undoes the start in reverse; the threads only finish once
    // every timer and plugin is stopped, so a failed start (the port is
    // taken) goes through it too rather than wait for them forever.
    auto shut_down = [&] {
        server.shutdown(options_.shutdown_grace);
        ticker.stop();
        day_closer.stop();
        plugins.stop_all();
        work_threads.join();
        network.stop();
        network_threads.join();
    };

    unsigned short port = 0;
    try {
        ticker.start();
        day_closer.start();
        // Plugins start before the server listens, so the first request
        // already sees their routes.
        plugins.start();
        port = server.start();
    } catch (...) {
        shut_down();
        throw;
    }
    spdlog::info("billing-host {} listening on http://{}:{} (plugins: {}, web: {})", BILLING_HOST_VERSION,
                 options_.bind_address, port, options_.plugins_dir.string(), options_.web_dir.string());
    bus.publish(sdk::topics::host_started, {{"version", BILLING_HOST_VERSION}, {"port", port}}, "host");

    const int signal_number = stop_signal.get_future().get();
    spdlog::info("signal {} received: shutting down", signal_number);
    bus.publish(sdk::topics::host_stopping, nlohmann::json::object(), "host");
    shut_down();
    spdlog::info("billing-host stopped");
    return 0;
}

}  // namespace billing::host
