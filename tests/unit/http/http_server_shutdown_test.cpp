// HttpServer::shutdown: requests in flight finish, everything else closes.
#include "support/eventually.hpp"
#include <future>

#include "raw_connection.hpp"
#include "server_fixture.hpp"
#include "support/http_client.hpp"
#include "support/sse_client.hpp"
#include "support/ws_client.hpp"

namespace billing::host::testing {
namespace {

using namespace std::chrono_literals;

using billing::test::eventually;

// Whether a new connection is still accepted.
bool accepting(unsigned short port) {
    try {
        RawConnection probe(port);
        return true;
    } catch (const std::runtime_error&) {
        return false;
    }
}

TEST_F(HttpServerTest, ShutdownLetsARequestInFlightFinish) {
    std::promise<void> release;
    auto released = release.get_future().share();
    std::atomic<bool> entered{false};
    add_route("POST", "/api/v1/slow", sdk::Access::anyone(), [&](const sdk::HttpRequest&) {
        entered = true;
        released.wait();
        return sdk::HttpResponse::ok({{"finished", true}});
    });
    test::HttpClient client(start());

    auto response = std::async(std::launch::async, [&] { return client.post("/api/v1/slow"); });
    ASSERT_TRUE(eventually([&] { return entered.load(); }));
    auto shutdown = std::async(std::launch::async, [&] { server().shutdown(30s); });
    ASSERT_TRUE(eventually([&] { return !accepting(port()); }));
    EXPECT_EQ(shutdown.wait_for(100ms), std::future_status::timeout);

    release.set_value();
    auto result = response.get();
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json()["finished"], true);
    EXPECT_EQ(shutdown.wait_for(30s), std::future_status::ready);
}

TEST_F(HttpServerTest, ShutdownFinishesARequestStillBeingSent) {
    add_route("POST", "/api/v1/upload", sdk::Access::anyone(), [](const sdk::HttpRequest& request) {
        return sdk::HttpResponse::ok({{"size", request.body.size()}});
    });
    RawConnection upload(start());
    // "100 Continue" shows the server has read the header and waits for the body.
    upload.send("POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n");
    ASSERT_TRUE(upload.read_until("100 Continue"));
    upload.send("hello");
    auto shutdown = std::async(std::launch::async, [&] { server().shutdown(30s); });
    ASSERT_TRUE(eventually([&] { return !accepting(port()); }));

    upload.send("world");
    ASSERT_TRUE(upload.read_until_closed());
    EXPECT_NE(upload.received().find("{\"size\":10}"), std::string::npos) << upload.received();
    EXPECT_NE(upload.received().find("Connection: close"), std::string::npos);
    EXPECT_EQ(shutdown.wait_for(30s), std::future_status::ready);
}

TEST_F(HttpServerTest, ShutdownClosesIdleAndLongLivedConnections) {
    WebSocketEndpoint endpoint;
    endpoint.path = "/ws/test/quiet";
    endpoint.owner = "test";
    endpoint.poster = executors_.make_worker_strand();
    websockets_.add(std::move(endpoint));
    add_route("GET", "/api/v1/ping", sdk::Access::anyone(),
              [](const sdk::HttpRequest&) { return sdk::HttpResponse::ok({{"pong", true}}); });
    start();

    RawConnection idle(port());
    idle.send("GET /api/v1/ping HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_TRUE(idle.read_until("pong"));
    test::SseClient events(port(), "/api/v1/events", {{"Authorization", "Bearer " + kAdminToken}});
    ASSERT_EQ(events.status(), 200);
    test::WsClient socket(port(), "/ws/test/quiet");

    // With a grace period this long, returning at all means every
    // connection closed.
    auto shutdown = std::async(std::launch::async, [&] { server().shutdown(120s); });
    EXPECT_EQ(shutdown.wait_for(60s), std::future_status::ready);
    EXPECT_TRUE(idle.read_until_closed());
    EXPECT_TRUE(eventually([&] { return events.closed(); }));
    EXPECT_TRUE(eventually([&] { return socket.closed(); }));
}

}  // namespace
}  // namespace billing::host::testing
