// The HTTP layer of the real host: error shapes, limits, timeouts, static
// files, Server-Sent Events, WebSocket routing to a plugin, and a clean
// shutdown that finishes the request in flight.
#include "support/eventually.hpp"
#include <sys/socket.h>
#include <sys/time.h>

#include <fstream>
#include <future>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

using namespace std::chrono_literals;

void expect_error(const HttpResult& result, int status, const std::string& code) {
    EXPECT_EQ(result.status, status) << result.body;
    EXPECT_EQ(result.error_code(), code) << result.body;
}

using billing::test::eventually;

// A blocking connection for requests sent in pieces. Reads give up after
// 30 s, so a server that never answers fails the test instead of hanging it.
class Connection {
public:
    explicit Connection(unsigned short port) : socket_(context_) {
        socket_.connect({boost::asio::ip::address_v4::loopback(), port});
        ::timeval limit{30, 0};
        ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    }
    void send(const std::string& bytes) { boost::asio::write(socket_, boost::asio::buffer(bytes)); }
    // Reads until `needle` arrives or the connection ends; returns whether it arrived.
    bool read_until(const std::string& needle) {
        while (received_.find(needle) == std::string::npos) {
            char chunk[4096];
            boost::system::error_code error;
            auto n = socket_.read_some(boost::asio::buffer(chunk), error);
            if (error) return false;
            received_.append(chunk, n);
        }
        return true;
    }
    const std::string& received() const { return received_; }

private:
    boost::asio::io_context context_;
    boost::asio::ip::tcp::socket socket_;
    std::string received_;
};

bool accepting(unsigned short port) {
    try {
        Connection probe(port);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

// A host with short timeouts and heartbeats, a web root of its own, and
// the fixture plugins.
class HttpServerTest : public ::testing::Test {
protected:
    HttpServerTest() {
        write(web_root() / "index.html", "<html>dashboard</html>");
        write(web_root() / "tv/index.html", "<html>tv</html>");
        write(web_root() / "assets/app-5f3c.js", "console.log('app')");
        write(temp_.path() / "secret.txt", "the secret");
        write(config_file(), nlohmann::json{{"server", {{"request_timeout_seconds", 2}}},
                                            {"events", {{"sse_heartbeat_seconds", 1}}}}
                                 .dump());
    }
    std::filesystem::path web_root() const { return temp_.path() / "web"; }
    std::filesystem::path config_file() const { return temp_.path() / "billing.json"; }
    HostOptions host_options() const {
        HostOptions options;
        options.fixture_plugins = true;
        options.extra_args = {"--config", config_file().string(), "--web-dir", web_root().string()};
        return options;
    }
    static void write(const std::filesystem::path& path, const std::string& content) {
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << content;
    }

    TempDir temp_;
};

TEST_F(HttpServerTest, AnswersHealthAndTheErrorShape) {
    HostProcess host(host_options());
    HttpClient client(host.port());

    auto health = client.get("/api/v1/health");
    ASSERT_EQ(health.status, 200) << health.body;
    EXPECT_EQ(health.json()["status"], "ok");
    EXPECT_EQ(health.json()["version"], "0.1.0");
    EXPECT_TRUE(health.json()["uptime_seconds"].is_number_integer());
    EXPECT_EQ(health.headers["content-type"], "application/json");
    EXPECT_EQ(health.headers["cache-control"], "no-store");
    EXPECT_EQ(health.headers["x-content-type-options"], "nosniff");

    expect_error(client.get("/api/v1/no-such-route"), 404, "not_found");
    expect_error(client.del("/api/v1/health"), 405, "method_not_allowed");
    expect_error(client.get("/api/v1/auth/me"), 401, "unauthorized");
}

TEST_F(HttpServerTest, RefusesOversizedBodiesAndHeaders) {
    HostProcess host(host_options());
    HttpClient client(host.port());

    // The default limit is 1 MiB.
    expect_error(client.request("POST", "/api/v1/auth/login", std::string(2 << 20, 'x'),
                                {{"Content-Type", "application/json"}}),
                 413, "body_too_large");

    auto big_header = client.raw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Filler: " +
                                 std::string(20000, 'h') + "\r\n\r\n");
    EXPECT_EQ(big_header.rfind("HTTP/1.1 431", 0), 0u) << big_header.substr(0, 200);
    EXPECT_NE(big_header.find("header_too_large"), std::string::npos);
    EXPECT_EQ(client.get("/api/v1/health").status, 200);
}

TEST_F(HttpServerTest, AnswersAMalformedRequestWith400AndKeepsServing) {
    HostProcess host(host_options());
    HttpClient client(host.port());

    auto garbage = client.raw("GARBAGE\x01\x02 / NOT-HTTP\r\n\r\n");
    EXPECT_EQ(garbage.rfind("HTTP/1.1 400", 0), 0u) << garbage;
    EXPECT_NE(garbage.find("bad_request"), std::string::npos);
    EXPECT_EQ(client.get("/api/v1/health").status, 200);
}

TEST_F(HttpServerTest, DisconnectsAClientTooSlowToSendItsRequest) {
    HostProcess host(host_options());
    Connection slow(host.port());
    slow.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n");  // the blank line never comes
    EXPECT_FALSE(slow.read_until("HTTP/1.1"));
    EXPECT_TRUE(eventually([&] { return host.log().find("timed out") != std::string::npos; })) << host.log();
    EXPECT_EQ(HttpClient(host.port()).get("/api/v1/health").status, 200);
}

TEST_F(HttpServerTest, ServesTheWebRoot) {
    HostProcess host(host_options());
    HttpClient client(host.port());

    auto index = client.get("/");
    EXPECT_EQ(index.status, 200);
    EXPECT_EQ(index.body, "<html>dashboard</html>");
    EXPECT_EQ(index.headers["content-type"], "text/html; charset=utf-8");
    EXPECT_EQ(index.headers["cache-control"], "no-cache");
    EXPECT_EQ(index.headers["x-content-type-options"], "nosniff");

    auto etag = index.headers["etag"];
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(client.request("GET", "/", {}, {{"If-None-Match", etag}}).status, 304);

    auto app = client.get("/assets/app-5f3c.js");
    EXPECT_EQ(app.headers["content-type"], "text/javascript; charset=utf-8");
    EXPECT_EQ(app.headers["cache-control"], "public, max-age=31536000, immutable");

    EXPECT_EQ(client.get("/tv").body, "<html>tv</html>");
    EXPECT_EQ(client.get("/members/42").body, "<html>dashboard</html>");  // the app's own route
    EXPECT_EQ(client.get("/missing.png").status, 404);

    for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e/%2E%2E/secret.txt",
                               "/..%2fsecret.txt", "/..%5Csecret.txt", "/%00"}) {
        auto refused = client.get(target);
        EXPECT_TRUE(refused.status == 400 || refused.status == 404) << target << " -> " << refused.status;
        EXPECT_EQ(refused.body.find("the secret"), std::string::npos) << target;
    }
}

// Reads events until one of `topic` arrives.
std::optional<SseEvent> next_of(SseClient& events, const std::string& topic) {
    while (auto event = events.next(10s))
        if (event->event == topic) return event;
    return std::nullopt;
}

TEST_F(HttpServerTest, StreamsTheEventsEachUserMaySee) {
    HostProcess host(host_options());
    HttpClient admin(host.port());
    auto admin_jwt = admin_token(admin);
    auto cashier_jwt = create_operator(admin, "kasir1", {"settings.view"});

    SseClient admin_events(host.port(), "/api/v1/events", {{"Authorization", "Bearer " + admin_jwt}});
    SseClient cashier_events(host.port(), "/api/v1/events?token=" + cashier_jwt);
    ASSERT_EQ(admin_events.status(), 200);
    ASSERT_EQ(cashier_events.status(), 200);
    EXPECT_EQ(SseClient(host.port(), "/api/v1/events").status(), 401);

    // fixture.* needs fixture.use, which the cashier lacks; settings.* is
    // for everyone signed in.
    ASSERT_EQ(admin.post("/api/v1/plugins/fixture-echo/items", {{"text", "one"}}).status, 201);
    ASSERT_EQ(admin.put("/api/v1/settings", {{"shop_name", "PS Corner"}}).status, 200);

    auto added = next_of(admin_events, "fixture.item_added");
    ASSERT_TRUE(added);
    auto data = nlohmann::json::parse(added->data);
    EXPECT_EQ(data["payload"]["text"], "one");
    EXPECT_EQ(data["source"], "fixture-echo");
    EXPECT_EQ(added->id, std::to_string(data["seq"].get<std::uint64_t>()));

    auto first_for_cashier = cashier_events.next(10s);
    ASSERT_TRUE(first_for_cashier);
    EXPECT_EQ(first_for_cashier->event, "settings.changed");

    EXPECT_TRUE(eventually([&] { return cashier_events.saw_heartbeat(); }));
    EXPECT_FALSE(cashier_events.closed());
}

TEST_F(HttpServerTest, RoutesWebSocketsToThePluginEndpoint) {
    HostProcess host(host_options());

    WsClient echo(host.port(), "/ws/fixture-echo");
    EXPECT_EQ(echo.receive(10s), "hello");
    echo.send("apa kabar");
    EXPECT_EQ(echo.receive(10s), "apa kabar");
    echo.close();

    EXPECT_EQ(ws_upgrade_status(host.port(), "/ws/no-such-plugin"), 404);
}

TEST_F(HttpServerTest, SigtermFinishesTheRequestInFlight) {
    HostProcess host(host_options());
    const std::string body = R"({"username":"admin","password":"ikbal"})";
    Connection login(host.port());
    // "100 Continue" shows the request is in flight: header read, body awaited.
    login.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Content-Length: " + std::to_string(body.size()) + "\r\nExpect: 100-continue\r\n\r\n");
    ASSERT_TRUE(login.read_until("100 Continue"));

    auto exit_code = std::async(std::launch::async, [&] { return host.stop(); });
    ASSERT_TRUE(eventually([&] { return !accepting(host.port()); })) << host.log();
    login.send(body);
    ASSERT_TRUE(login.read_until("\"token\"")) << login.received();
    EXPECT_NE(login.received().find("HTTP/1.1 200 OK"), std::string::npos);
    EXPECT_NE(login.received().find("Connection: close"), std::string::npos);
    EXPECT_EQ(exit_code.get(), 0) << host.log();
}

}  // namespace
}  // namespace billing::test
