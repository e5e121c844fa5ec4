#include "server_fixture.hpp"

#include <fstream>

#include "storage/migrator.hpp"

namespace billing::host::testing {

std::optional<sdk::UserInfo> FakeAuthenticator::authenticate(std::string_view token) const {
    if (token == kAdminToken) return sdk::UserInfo{1, "admin", "admin", {}, false};
    if (token == kOperatorToken) return sdk::UserInfo{2, "kasir", "operator", {"sessions.start"}, false};
    if (token == kNewUserToken) return sdk::UserInfo{3, "baru", "operator", {}, true};
    return std::nullopt;
}

IoThreads::IoThreads(boost::asio::io_context& context, int count)
    : context_(context), guard_(context.get_executor()) {
    for (int i = 0; i < count; ++i) threads_.emplace_back([this] { context_.run(); });
}

IoThreads::~IoThreads() { join(); }

void IoThreads::join() {
    guard_.reset();
    context_.stop();
    for (auto& thread : threads_)
        if (thread.joinable()) thread.join();
}

std::set<std::thread::id> IoThreads::ids() const {
    std::set<std::thread::id> ids;
    for (const auto& thread : threads_) ids.insert(thread.get_id());
    return ids;
}

HttpServerTest::HttpServerTest() {
    database_ = std::make_unique<Database>(DatabaseOptions{temp_.path() / "billing.db"});
    Migrator(*database_).apply("host", host_migrations());
    audit_ = std::make_unique<AuditLog>(*database_);
    network_threads_.emplace(network_, 2);
    work_threads_.emplace(work_, 2);
    options_.bind_address = "127.0.0.1";
    options_.port = 0;
    options_.web_root = web_root();
    write_web_file("index.html", "<html>the app</html>");
}

HttpServerTest::~HttpServerTest() {
    if (server_) server_->shutdown(std::chrono::seconds(10));
    work_threads_.reset();
    network_threads_.reset();
    server_.reset();
}

unsigned short HttpServerTest::start() {
    server_ = std::make_unique<HttpServer>(
        options_, HttpServices{executors_, router_, websockets_, authenticator_, *audit_, bus_, visibility_});
    port_ = server_->start();
    return port_;
}

void HttpServerTest::add_route(const std::string& method, const std::string& pattern, sdk::Access access,
                               sdk::RouteHandler handler, std::size_t body_limit) {
    Route route;
    route.method = method;
    route.pattern = pattern;
    route.access = std::move(access);
    route.action = "test." + method;
    route.handler = std::move(handler);
    route.poster = executors_.worker_poster();
    route.body_limit = body_limit;
    router_.add(std::move(route));
}

void HttpServerTest::write_web_file(const std::string& relative, const std::string& content) {
    auto path = web_root() / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

nlohmann::json HttpServerTest::audit_entries() { return audit_->query(AuditFilter{})["entries"]; }

}  // namespace billing::host::testing
