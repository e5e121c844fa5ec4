// Tests of the integration-test clients in tests/support against small
// local servers, so a failing integration test points at the host, not at
// its tools.
#include "support/eventually.hpp"
#include <chrono>
#include <stdexcept>
#include <thread>

#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "local_server.hpp"
#include "recording_http_server.hpp"
#include "support/test_support.hpp"

namespace billing::test {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;
using ::testing::HasSubstr;

constexpr auto kPatience = 5s;

// Writes `bytes` once the request header has arrived, then holds the
// connection for `hold` before closing it.
asio::awaitable<void> reply_raw(tcp::socket socket, std::string bytes, std::chrono::milliseconds hold) {
    asio::streambuf request;
    co_await asio::async_read_until(socket, request, "\r\n\r\n", asio::use_awaitable);
    co_await asio::async_write(socket, asio::buffer(bytes), asio::use_awaitable);
    asio::steady_timer timer(socket.get_executor(), hold);
    co_await timer.async_wait(asio::use_awaitable);
}

std::string chunk(const std::string& data) {
    char size[16];
    std::snprintf(size, sizeof size, "%zx\r\n", data.size());
    return size + data + "\r\n";
}


TEST(TestHttpClient, SendsTokenAndJsonAndLowerCasesHeaders) {
    RecordingHttpServer server([](const ServerRequest&) {
        return answer(http::status::conflict, R"({"error":{"code":"username_taken","message":"taken"}})",
                      "application/json");
    });
    HttpClient client(server.port());
    client.set_token("jwt-1");

    HttpResult result = client.post("/api/v1/users", {{"username", "budi"}});

    EXPECT_EQ(result.status, 409);
    EXPECT_EQ(result.headers.at("x-shop"), "Rental PS");
    EXPECT_EQ(result.error_code(), "username_taken");
    EXPECT_EQ(result.json()["error"]["message"], "taken");
    auto seen = server.last_request();
    EXPECT_EQ(seen.target(), "/api/v1/users");
    EXPECT_EQ(seen[http::field::authorization], "Bearer jwt-1");
    EXPECT_EQ(seen[http::field::content_type], "application/json");
    EXPECT_EQ(nlohmann::json::parse(seen.body()), (nlohmann::json{{"username", "budi"}}));
}

TEST(TestHttpClient, ExplicitHeadersWinOverTheToken) {
    RecordingHttpServer server([](const ServerRequest&) { return answer(http::status::ok, "plain"); });
    HttpClient client(server.port());
    client.set_token("jwt-1");

    HttpResult result = client.request("DELETE", "/x", {}, {{"Authorization", "Bearer other"}});

    EXPECT_EQ(server.last_request()[http::field::authorization], "Bearer other");
    EXPECT_EQ(server.last_request().method(), http::verb::delete_);
    EXPECT_EQ(result.error_code(), "") << "no error shape in a plain body";
    EXPECT_THROW(result.json(), std::runtime_error);
}

TEST(TestHttpClient, RawReturnsEverythingUntilTheServerCloses) {
    LocalServer server([](tcp::socket socket) {
        return reply_raw(std::move(socket), "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", 0ms);
    });
    EXPECT_EQ(HttpClient(server.port()).raw("GARBAGE / HTTP/1.1\r\n\r\n"),
              "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
}

TEST(TestHttpClient, ThrowsWhenNobodyAnswers) {
    unsigned short port;
    {
        LocalServer gone([](tcp::socket) -> asio::awaitable<void> { co_return; });
        port = gone.port();
    }
    try {
        HttpClient(port).get("/api/v1/health");
        FAIL() << "expected an exception";
    } catch (const std::runtime_error& e) {
        EXPECT_THAT(e.what(), HasSubstr("GET /api/v1/health"));
    }
}

TEST(TestSseClient, CollectsEventsAndHeartbeatsUntilTheStreamEnds) {
    const std::string stream = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n" +
                               chunk("retry: 3000\n\n") + chunk(": heartbeat\n\nid: 1\nevent: a\ndata: {}\n\n") +
                               chunk("id: 2\nevent: b\ndata: 2\n\n") + "0\r\n\r\n";
    LocalServer server([&stream](tcp::socket socket) { return reply_raw(std::move(socket), stream, 0ms); });

    SseClient client(server.port(), "/api/v1/events?token=t", {{"Authorization", "Bearer t"}});

    EXPECT_EQ(client.status(), 200);
    auto first = client.next(kPatience);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->id, "1");
    EXPECT_EQ(first->event, "a");
    auto second = client.next(kPatience);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->data, "2");
    EXPECT_TRUE(client.saw_heartbeat());
    EXPECT_TRUE(eventually([&] { return client.closed(); }));
    EXPECT_FALSE(client.next(10ms));
}

TEST(TestSseClient, ReportsARefusal) {
    RecordingHttpServer server([](const ServerRequest&) { return answer(http::status::unauthorized, "{}"); });
    SseClient client(server.port(), "/api/v1/events");
    EXPECT_EQ(client.status(), 401);
    EXPECT_EQ(server.last_request()[http::field::accept], "text/event-stream");
    EXPECT_TRUE(eventually([&] { return client.closed(); }));
}

TEST(TestSseClient, CanBeDestroyedWhileTheStreamIsOpen) {
    LocalServer server([](tcp::socket socket) {
        return reply_raw(std::move(socket), "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", 60s);
    });
    SseClient client(server.port(), "/api/v1/events");
    EXPECT_FALSE(client.next(10ms));
    EXPECT_FALSE(client.closed());
}

// Echoes every message back with "echo: " in front; closes on "bye".
asio::awaitable<void> echo_websocket(tcp::socket socket) {
    websocket::stream<tcp::socket> ws(std::move(socket));
    co_await ws.async_accept(asio::use_awaitable);
    beast::flat_buffer buffer;
    for (;;) {
        co_await ws.async_read(buffer, asio::use_awaitable);
        std::string text = beast::buffers_to_string(buffer.data());
        buffer.clear();
        if (text == "bye") {
            co_await ws.async_close(websocket::close_code::normal, asio::use_awaitable);
            co_return;
        }
        co_await ws.async_write(asio::buffer("echo: " + text), asio::use_awaitable);
    }
}

TEST(TestWsClient, SendsAndReceives) {
    LocalServer server(echo_websocket);
    WsClient client(server.port(), "/ws/tv/screen");
    client.send("hello");
    EXPECT_EQ(client.receive(kPatience), "echo: hello");
    EXPECT_FALSE(client.receive(10ms));
    EXPECT_FALSE(client.closed());
    client.close();
    EXPECT_TRUE(client.closed());
    EXPECT_THROW(client.send("late"), std::runtime_error);
}

TEST(TestWsClient, NoticesTheServerClosing) {
    LocalServer server(echo_websocket);
    WsClient client(server.port(), "/ws/tv/screen");
    client.send("bye");
    EXPECT_TRUE(eventually([&] { return client.closed(); }));
    EXPECT_FALSE(client.receive(10ms));
}

TEST(TestWsClient, UpgradeStatusOfAcceptedAndRefusedUpgrades) {
    LocalServer accepting(echo_websocket);
    EXPECT_EQ(ws_upgrade_status(accepting.port(), "/ws/tv/screen"), 101);

    RecordingHttpServer refusing([](const ServerRequest&) { return answer(http::status::forbidden, "not yours"); });
    EXPECT_EQ(ws_upgrade_status(refusing.port(), "/ws/tv/screen", {{"Authorization", "Bearer t"}}), 403);
    EXPECT_EQ(refusing.last_request()[http::field::authorization], "Bearer t");
    try {
        WsClient client(refusing.port(), "/ws/tv/screen");
        FAIL() << "expected the refusal to throw";
    } catch (const std::runtime_error& e) {
        EXPECT_THAT(e.what(), HasSubstr("refused with HTTP 403: not yours"));
    }
}

TEST(TestSupport, TempDirIsFreshAndRemoved) {
    std::filesystem::path kept;
    {
        TempDir one, two;
        EXPECT_NE(one.path(), two.path());
        EXPECT_TRUE(std::filesystem::is_directory(one.path()));
        EXPECT_THAT(one.path().filename().string(), ::testing::StartsWith("billing-test-"));
        std::filesystem::create_directories(one.path() / "data" / "nested");
        kept = one.path();
    }
    EXPECT_FALSE(std::filesystem::exists(kept));
}

}  // namespace
}  // namespace billing::test
