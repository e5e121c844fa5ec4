// The long-lived connections of HttpServer: Server-Sent Events and WebSockets.
#include "support/eventually.hpp"
#include <atomic>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket.hpp>

#include "raw_connection.hpp"
#include "server_fixture.hpp"
#include "support/sse_client.hpp"
#include "support/ws_client.hpp"

namespace billing::host::testing {
namespace {

using namespace std::chrono_literals;
using test::SseClient;
using test::WsClient;

using billing::test::eventually;

std::map<std::string, std::string> bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

TEST_F(HttpServerTest, StreamsPublishedEventsToSignedInUsers) {
    SseClient admin(start(), "/api/v1/events", bearer(kAdminToken));
    ASSERT_EQ(admin.status(), 200);

    // The subscription is made as the stream opens; publish until it lands.
    std::optional<test::SseEvent> event;
    for (int attempt = 0; attempt < 100 && !event; ++attempt) {
        bus_.publish("secret.thing", {{"n", attempt}}, "host");
        event = admin.next(300ms);
    }
    ASSERT_TRUE(event);
    EXPECT_EQ(event->event, "secret.thing");
    auto data = nlohmann::json::parse(event->data);
    EXPECT_EQ(data["topic"], "secret.thing");
    EXPECT_EQ(data["source"], "host");
    EXPECT_TRUE(data["payload"].contains("n"));
    EXPECT_EQ(event->id, std::to_string(data["seq"].get<std::uint64_t>()));
    EXPECT_TRUE(data["at"].get<std::string>().ends_with("Z"));
}

TEST_F(HttpServerTest, ShowsOnlyTheEventsAUserMaySee) {
    visibility_.add_rule("test", "shop.", sdk::Access::permitted("sessions.start"));
    visibility_.add_rule("test", "cash.", sdk::Access::permitted("cash.view"));
    // The token may come in the query: EventSource cannot set headers.
    SseClient operator_stream(start(), "/api/v1/events?token=" + kOperatorToken);
    ASSERT_EQ(operator_stream.status(), 200);

    std::optional<test::SseEvent> event;
    for (int attempt = 0; attempt < 100 && !event; ++attempt) {
        bus_.publish("secret.thing", {}, "host");  // no rule: admins only
        bus_.publish("cash.counted", {}, "host");  // a permission the operator lacks
        bus_.publish("shop.opened", {{"attempt", attempt}}, "host");
        event = operator_stream.next(300ms);
    }
    ASSERT_TRUE(event);
    EXPECT_EQ(event->event, "shop.opened");
    while (auto more = operator_stream.next(200ms)) EXPECT_EQ(more->event, "shop.opened");
}

TEST_F(HttpServerTest, RefusesEventStreamsWithoutAValidToken) {
    start();
    EXPECT_EQ(SseClient(port(), "/api/v1/events").status(), 401);
    EXPECT_EQ(SseClient(port(), "/api/v1/events?token=forged").status(), 401);
    RawConnection post(port());
    post.send("POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    ASSERT_TRUE(post.read_until_closed());
    EXPECT_EQ(post.received().rfind("HTTP/1.1 405", 0), 0u);
}

TEST_F(HttpServerTest, SendsHeartbeatsOnAQuietStream) {
    options().sse_heartbeat = 1s;
    SseClient stream(start(), "/api/v1/events", bearer(kAdminToken));
    EXPECT_TRUE(eventually([&] { return stream.saw_heartbeat(); }));
    EXPECT_FALSE(stream.closed());
}

TEST_F(HttpServerTest, DisconnectsAnEventStreamThatDoesNotKeepUp) {
    options().connection_queue_limit = 4;
    RawConnection reader(start(), 4096);
    reader.send("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + kAdminToken + "\r\n\r\n");
    ASSERT_TRUE(reader.read_until("retry: 3000"));

    // Nothing is read while 19 MB of events pile up: the socket buffers
    // fill, then the connection's queue, and the server lets go of the client.
    std::string big(64 * 1024, 'x');
    for (int i = 0; i < 300; ++i) bus_.publish("flood.event", {{"filler", big}}, "host");
    EXPECT_TRUE(reader.read_until_closed());
    EXPECT_LT(reader.received().size(), 300 * big.size());
}

// An endpoint that greets, echoes and counts closes, its handlers on a
// worker strand as a plugin's would be.
class WebSocketTest : public HttpServerTest {
protected:
    WebSocketTest() { add_echo("/ws/test/echo", sdk::Access::anyone()); }

    std::uint64_t add_echo(const std::string& path, sdk::Access access, std::size_t max_message_bytes = 1024) {
        WebSocketEndpoint endpoint;
        endpoint.path = path;
        endpoint.owner = "test";
        endpoint.options.access = std::move(access);
        endpoint.options.max_message_bytes = max_message_bytes;
        endpoint.poster = executors_.make_worker_strand();
        endpoint.handlers.on_open = [](const sdk::WebSocketPtr& connection) {
            connection->send("hello " + (connection->user() ? connection->user()->username : std::string("guest")) +
                             " from " + connection->remote_address());
        };
        endpoint.handlers.on_message = [](const sdk::WebSocketPtr& connection, const std::string& text) {
            connection->send("echo: " + text);
        };
        endpoint.handlers.on_close = [this](const sdk::WebSocketPtr&) { ++closes_; };
        return websockets_.add(std::move(endpoint));
    }

    std::atomic<int> closes_{0};
};

TEST_F(WebSocketTest, EchoesThroughTheEndpointHandlers) {
    {
        WsClient client(start(), "/ws/test/echo");
        EXPECT_EQ(client.receive(10s), "hello guest from 127.0.0.1");
        client.send("ping");
        EXPECT_EQ(client.receive(10s), "echo: ping");
        client.send("pong");
        EXPECT_EQ(client.receive(10s), "echo: pong");
        EXPECT_TRUE(eventually([&] { return websockets_.connection_count("test") == 1; }));
        client.close();
    }
    EXPECT_TRUE(eventually([&] { return closes_ == 1; }));
    EXPECT_TRUE(eventually([&] { return websockets_.connection_count("test") == 0; }));
}

TEST_F(WebSocketTest, ChecksTheEndpointAccess) {
    add_echo("/ws/test/private", sdk::Access::signed_in());
    start();
    EXPECT_EQ(test::ws_upgrade_status(port(), "/ws/test/private"), 401);
    EXPECT_EQ(test::ws_upgrade_status(port(), "/ws/test/private?token=forged"), 401);
    EXPECT_EQ(test::ws_upgrade_status(port(), "/ws/test/nothing"), 404);
    EXPECT_EQ(test::ws_upgrade_status(port(), "/ws/test/private", bearer(kAdminToken)), 101);

    WsClient client(port(), "/ws/test/private?token=" + kOperatorToken);
    EXPECT_EQ(client.receive(10s), "hello kasir from 127.0.0.1");

    RawConnection plain_get(port());
    plain_get.send("GET /ws/test/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    ASSERT_TRUE(plain_get.read_until_closed());
    EXPECT_EQ(plain_get.received().rfind("HTTP/1.1 426", 0), 0u);
}

TEST_F(WebSocketTest, ClosesTheConnectionsOfARemovedEndpoint) {
    WsClient client(start(), "/ws/test/echo");
    ASSERT_TRUE(client.receive(10s));
    websockets_.remove_owner("test");
    EXPECT_TRUE(eventually([&] { return client.closed(); }));
    EXPECT_TRUE(eventually([&] { return closes_ == 1; }));
}

TEST_F(WebSocketTest, ClosesOnAMessageOverTheLimit) {
    add_echo("/ws/test/tiny", sdk::Access::anyone(), 16);
    WsClient client(start(), "/ws/test/tiny");
    ASSERT_TRUE(client.receive(10s));
    client.send(std::string(100, 'm'));
    EXPECT_TRUE(eventually([&] { return client.closed(); }));
    EXPECT_FALSE(client.receive(100ms));
}

TEST_F(WebSocketTest, RefusesBinaryMessagesWithAPolicyClose) {
    namespace beast = boost::beast;
    namespace websocket = beast::websocket;
    start();
    boost::asio::io_context context;
    websocket::stream<boost::asio::ip::tcp::socket> ws(context);
    ws.next_layer().connect({boost::asio::ip::address_v4::loopback(), port()});
    // A blocking read that never ends would hang the test: give up after 30 s.
    ::timeval limit{30, 0};
    ::setsockopt(ws.next_layer().native_handle(), SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    ws.handshake("127.0.0.1", "/ws/test/echo");
    beast::flat_buffer buffer;
    ws.read(buffer);  // the greeting
    buffer.clear();

    ws.binary(true);
    ws.write(boost::asio::buffer(std::string("\x01\x02\x03", 3)));
    beast::error_code error;
    ws.read(buffer, error);
    EXPECT_EQ(error, websocket::error::closed);
    EXPECT_EQ(ws.reason().code, websocket::close_code::policy_error);
    EXPECT_TRUE(eventually([&] { return closes_ == 1; }));
}

TEST_F(WebSocketTest, SendingToAClosedConnectionDoesNothing) {
    sdk::WebSocketPtr kept;
    std::mutex mutex;
    auto found = websockets_.find("/ws/test/echo");
    ASSERT_TRUE(found.endpoint);
    websockets_.remove(found.endpoint_id);
    WebSocketEndpoint endpoint;
    endpoint.path = "/ws/test/echo";
    endpoint.owner = "test";
    endpoint.poster = executors_.make_worker_strand();
    endpoint.handlers.on_open = [&](const sdk::WebSocketPtr& connection) {
        std::lock_guard lock(mutex);
        kept = connection;
    };
    websockets_.add(std::move(endpoint));
    {
        WsClient client(start(), "/ws/test/echo");
        ASSERT_TRUE(eventually([&] {
            std::lock_guard lock(mutex);
            return kept && kept->is_open();
        }));
        client.close();
    }
    std::lock_guard lock(mutex);
    EXPECT_TRUE(eventually([&] { return !kept->is_open(); }));
    kept->send("nobody is listening");
    kept->close("again");
}

}  // namespace
}  // namespace billing::host::testing
