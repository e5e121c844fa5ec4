// The connection side of HttpServer: keep-alive, pipelining, timeouts,
// malformed and oversized requests, static files.
#include <fstream>

#include "raw_connection.hpp"
#include "server_fixture.hpp"
#include "support/http_client.hpp"

namespace billing::host::testing {
namespace {

using test::HttpClient;

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

class ConnectionTest : public HttpServerTest {
protected:
    ConnectionTest() {
        add_route("GET", "/api/v1/echo/{word}", sdk::Access::anyone(), [](const sdk::HttpRequest& request) {
            return sdk::HttpResponse::ok({{"word", request.path_params.at("word")}});
        });
    }
};

TEST_F(ConnectionTest, AnswersPipelinedRequestsInOrderOnOneConnection) {
    RawConnection connection(start());
    connection.send(
        "GET /api/v1/echo/first HTTP/1.1\r\nHost: x\r\n\r\n"
        "GET /api/v1/echo/second HTTP/1.1\r\nHost: x\r\n\r\n"
        "GET /api/v1/echo/third HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    ASSERT_TRUE(connection.read_until_closed());
    const auto& all = connection.received();
    EXPECT_EQ(count(all, "HTTP/1.1 200 OK"), 3u) << all;
    auto first = all.find("first"), second = all.find("second"), third = all.find("third");
    ASSERT_NE(third, std::string::npos) << all;
    EXPECT_LT(first, second);
    EXPECT_LT(second, third);
}

TEST_F(ConnectionTest, KeepsTheConnectionForTheNextRequest) {
    RawConnection connection(start());
    connection.send("GET /api/v1/echo/one HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_TRUE(connection.read_until("\"one\""));
    connection.send("GET /api/v1/echo/two HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_TRUE(connection.read_until("\"two\""));
}

TEST_F(ConnectionTest, ClosesAKeptAliveConnectionThatStaysIdle) {
    options().idle_timeout = std::chrono::seconds(1);
    RawConnection connection(start());
    connection.send("GET /api/v1/echo/one HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_TRUE(connection.read_until_closed());
    EXPECT_NE(connection.received().find("\"one\""), std::string::npos);
}

TEST_F(ConnectionTest, DisconnectsAClientTooSlowToSendItsRequest) {
    options().request_timeout = std::chrono::seconds(1);
    RawConnection connection(start());
    connection.send("GET /api/v1/echo/slow HTTP/1.1\r\nHost: x\r\n");
    EXPECT_TRUE(connection.read_until_closed());
    EXPECT_EQ(connection.received().find("slow"), std::string::npos);

    RawConnection silent(port());
    EXPECT_TRUE(silent.read_until_closed());
}

TEST_F(ConnectionTest, AnswersAMalformedRequestWith400AndKeepsServing) {
    RawConnection connection(start());
    connection.send("THIS IS NOT HTTP\r\n\r\n");
    ASSERT_TRUE(connection.read_until_closed());
    EXPECT_EQ(connection.received().rfind("HTTP/1.1 400", 0), 0u) << connection.received();
    EXPECT_NE(connection.received().find("bad_request"), std::string::npos);

    HttpClient client(port());
    EXPECT_EQ(client.get("/api/v1/echo/still").status, 200);
}

TEST_F(ConnectionTest, AnswersAnOversizedHeaderWith431) {
    options().header_limit = 1024;
    RawConnection connection(start());
    connection.send("GET /api/v1/echo/big HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4000, 'b') + "\r\n\r\n");
    ASSERT_TRUE(connection.read_until_closed());
    EXPECT_EQ(connection.received().rfind("HTTP/1.1 431", 0), 0u) << connection.received();
    EXPECT_NE(connection.received().find("header_too_large"), std::string::npos);
}

TEST_F(ConnectionTest, AnswersExpectContinueBeforeTheBody) {
    add_route("POST", "/api/v1/upload", sdk::Access::anyone(), [](const sdk::HttpRequest& request) {
        return sdk::HttpResponse::ok({{"size", request.body.size()}});
    });
    RawConnection connection(start());
    connection.send("POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
    ASSERT_TRUE(connection.read_until("HTTP/1.1 100 Continue\r\n\r\n"));
    connection.send("hello");
    EXPECT_TRUE(connection.read_until("{\"size\":5}"));
}

TEST_F(ConnectionTest, ServesStaticFilesWithTypesAndCaching) {
    write_web_file("assets/app-1.js", "console.log('app')");
    write_web_file("tv/index.html", "<html>tv page</html>");
    HttpClient client(start());

    auto app = client.get("/assets/app-1.js");
    EXPECT_EQ(app.status, 200);
    EXPECT_EQ(app.body, "console.log('app')");
    EXPECT_EQ(app.headers["content-type"], "text/javascript; charset=utf-8");
    EXPECT_EQ(app.headers["cache-control"], "public, max-age=31536000, immutable");
    EXPECT_EQ(app.headers["x-content-type-options"], "nosniff");

    auto tv = client.get("/tv");
    EXPECT_EQ(tv.body, "<html>tv page</html>");
    EXPECT_EQ(tv.headers["cache-control"], "no-cache");
    auto etag = tv.headers["etag"];
    ASSERT_FALSE(etag.empty());
    auto again = client.request("GET", "/tv", {}, {{"If-None-Match", etag}});
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());

    auto head = client.request("HEAD", "/tv");
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.headers["content-length"], std::to_string(tv.body.size()));
    EXPECT_TRUE(head.body.empty());

    EXPECT_EQ(client.get("/sessions/today").body, "<html>the app</html>");
    EXPECT_EQ(client.get("/missing.css").status, 404);
    EXPECT_EQ(client.post("/index.html").status, 405);
}

TEST_F(ConnectionTest, NeverServesFilesOutsideTheWebRoot) {
    {
        std::ofstream(temp_.path() / "secret.txt") << "the secret";
    }
    HttpClient client(start());
    for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2E%2E/%2e%2e/secret.txt",
                               "/..%2fsecret.txt", "/..%5csecret.txt", "/secret.txt%00.html"}) {
        auto result = client.get(target);
        EXPECT_TRUE(result.status == 400 || result.status == 404) << target << ": " << result.status;
        EXPECT_EQ(result.body.find("the secret"), std::string::npos) << target;
    }
}

TEST_F(ConnectionTest, StreamsAResponseFileAndDeletesItIfAsked) {
    auto file = temp_.path() / "export.bin";
    {
        std::ofstream(file, std::ios::binary) << std::string(300000, 'z');
    }
    add_route("GET", "/api/v1/export", sdk::Access::anyone(), [file](const sdk::HttpRequest&) {
        sdk::HttpResponse response;
        response.content_type = "application/octet-stream";
        response.file_path = file.string();
        response.delete_file_after_send = true;
        response.headers.emplace_back("Content-Disposition", "attachment; filename=\"export.bin\"");
        return response;
    });
    HttpClient client(start());
    auto result = client.get("/api/v1/export");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.body, std::string(300000, 'z'));
    EXPECT_EQ(result.headers["content-disposition"], "attachment; filename=\"export.bin\"");
    EXPECT_FALSE(std::filesystem::exists(file));
}

}  // namespace
}  // namespace billing::host::testing
