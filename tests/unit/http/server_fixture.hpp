#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

#include "api/router.hpp"
#include "api/websocket_registry.hpp"
#include "audit/audit_log.hpp"
#include "auth/authenticator.hpp"
#include "bus/event_bus.hpp"
#include "bus/event_visibility.hpp"
#include "core/executors.hpp"
#include "http/http_server.hpp"
#include "storage/database.hpp"
#include "support/temp_dir.hpp"

namespace billing::host::testing {

// Tokens the fake authenticator knows.
inline const std::string kAdminToken = "admin-token";
inline const std::string kOperatorToken = "operator-token";  // holds "sessions.start" only
inline const std::string kNewUserToken = "new-user-token";   // must change the password

class FakeAuthenticator : public Authenticator {
public:
    std::optional<sdk::UserInfo> authenticate(std::string_view token) const override;
};

// Threads running an io_context until stopped.
class IoThreads {
public:
    IoThreads(boost::asio::io_context& context, int count);
    ~IoThreads();
    void join();
    std::set<std::thread::id> ids() const;

private:
    boost::asio::io_context& context_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard_;
    std::vector<std::thread> threads_;
};

// A real HttpServer on 127.0.0.1 and a free port, in this process, with
// the real Router, registry, bus and audit log (on a SQLite file in a
// temporary directory), a fake authenticator, and a web root with a few
// files. Tests adjust options() and add routes, then call start().
class HttpServerTest : public ::testing::Test {
protected:
    HttpServerTest();
    ~HttpServerTest() override;

    HttpServerOptions& options() { return options_; }
    // Starts the server; returns its port.
    unsigned short start();
    unsigned short port() const { return port_; }
    HttpServer& server() { return *server_; }

    // A route answering with `handler` on the worker threads.
    void add_route(const std::string& method, const std::string& pattern, sdk::Access access,
                   sdk::RouteHandler handler, std::size_t body_limit = 0);
    std::filesystem::path web_root() const { return temp_.path() / "web"; }
    void write_web_file(const std::string& relative, const std::string& content);
    // The audit trail, newest first.
    nlohmann::json audit_entries();
    std::set<std::thread::id> network_thread_ids() const { return network_threads_->ids(); }

    test::TempDir temp_;
    boost::asio::io_context network_;
    boost::asio::io_context work_;
    Executors executors_{network_, work_};
    std::optional<IoThreads> network_threads_;
    std::optional<IoThreads> work_threads_;
    Router router_;
    WebSocketRegistry websockets_;
    FakeAuthenticator authenticator_;
    EventBus bus_;
    EventVisibility visibility_;
    std::unique_ptr<Database> database_;
    std::unique_ptr<AuditLog> audit_;

private:
    HttpServerOptions options_;
    std::unique_ptr<HttpServer> server_;
    unsigned short port_ = 0;
};

}  // namespace billing::host::testing
