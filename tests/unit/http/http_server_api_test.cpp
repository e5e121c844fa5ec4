// The /api side of HttpServer: dispatch, error shape, access, audit, body limits.
#include <atomic>
#include <mutex>

#include "raw_connection.hpp"
#include "server_fixture.hpp"
#include "support/http_client.hpp"

namespace billing::host::testing {
namespace {

using test::HttpClient;

TEST_F(HttpServerTest, PassesPathQueryHeadersAndBodyToTheHandler) {
    add_route("POST", "/api/v1/items/{id}", sdk::Access::anyone(), [](const sdk::HttpRequest& request) {
        return sdk::HttpResponse::ok({{"method", request.method},
                                      {"path", request.path},
                                      {"id", request.path_params.at("id")},
                                      {"query", request.query},
                                      {"header", request.header("x-shop-note")},
                                      {"body", request.json()},
                                      {"remote", request.remote_address}});
    });
    HttpClient client(start());

    auto result = client.request("POST", "/api/v1/items/caf%C3%A9?size=large&note=a+b", R"({"n":1})",
                                 {{"X-Shop-Note", "hello"}});
    ASSERT_EQ(result.status, 200) << result.body;
    auto body = result.json();
    EXPECT_EQ(body["method"], "POST");
    EXPECT_EQ(body["path"], "/api/v1/items/caf\xC3\xA9");
    EXPECT_EQ(body["id"], "caf\xC3\xA9");
    EXPECT_EQ(body["query"]["size"], "large");
    EXPECT_EQ(body["query"]["note"], "a b");
    EXPECT_EQ(body["header"], "hello");
    EXPECT_EQ(body["body"]["n"], 1);
    EXPECT_EQ(body["remote"], "127.0.0.1");
    EXPECT_EQ(result.headers["content-type"], "application/json");
    EXPECT_EQ(result.headers["cache-control"], "no-store");
    EXPECT_EQ(result.headers["x-content-type-options"], "nosniff");
}

TEST_F(HttpServerTest, RunsHandlersOnWorkerThreads) {
    std::mutex mutex;
    std::thread::id handler_thread;
    add_route("GET", "/api/v1/where", sdk::Access::anyone(), [&](const sdk::HttpRequest&) {
        std::lock_guard lock(mutex);
        handler_thread = std::this_thread::get_id();
        return sdk::HttpResponse::ok({});
    });
    HttpClient client(start());
    ASSERT_EQ(client.get("/api/v1/where").status, 200);
    std::lock_guard lock(mutex);
    EXPECT_FALSE(network_thread_ids().contains(handler_thread));
}

TEST_F(HttpServerTest, AnswersUnknownRoutesAndMethodsInTheErrorShape) {
    add_route("GET", "/api/v1/things", sdk::Access::anyone(),
              [](const sdk::HttpRequest&) { return sdk::HttpResponse::ok({}); });
    HttpClient client(start());

    auto missing = client.get("/api/v1/nothing");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.error_code(), "not_found");
    EXPECT_FALSE(missing.json()["error"]["message"].get<std::string>().empty());

    auto wrong_method = client.del("/api/v1/things");
    EXPECT_EQ(wrong_method.status, 405);
    EXPECT_EQ(wrong_method.error_code(), "method_not_allowed");

    auto bad_path = client.get("/api/v1/a%2Fb");
    EXPECT_EQ(bad_path.status, 400);
    EXPECT_EQ(bad_path.error_code(), "bad_request");

    // Not UTF-8: the 404 message quoting it could not be written as JSON.
    auto not_utf8 = client.get("/api/v1/caf%E9");
    EXPECT_EQ(not_utf8.status, 400);
    EXPECT_EQ(not_utf8.error_code(), "bad_request");
    EXPECT_EQ(client.get("/api/v1/things").status, 200);
}

TEST_F(HttpServerTest, TurnsHandlerExceptionsIntoTheErrorShape) {
    add_route("GET", "/api/v1/conflict", sdk::Access::anyone(),
              [](const sdk::HttpRequest&) -> sdk::HttpResponse { throw sdk::ApiError(409, "taken", "it is taken"); });
    add_route("GET", "/api/v1/database", sdk::Access::anyone(), [](const sdk::HttpRequest&) -> sdk::HttpResponse {
        throw DatabaseError("database is locked (writing audit_log)");
    });
    add_route("GET", "/api/v1/bug", sdk::Access::anyone(),
              [](const sdk::HttpRequest&) -> sdk::HttpResponse { throw std::logic_error("a bug"); });
    add_route("GET", "/api/v1/bad-json", sdk::Access::anyone(),
              [](const sdk::HttpRequest& request) { return sdk::HttpResponse::ok(request.json()); });
    HttpClient client(start());

    auto conflict = client.get("/api/v1/conflict");
    EXPECT_EQ(conflict.status, 409);
    EXPECT_EQ(conflict.error_code(), "taken");
    EXPECT_EQ(conflict.json()["error"]["message"], "it is taken");

    auto database = client.get("/api/v1/database");
    EXPECT_EQ(database.status, 503);
    EXPECT_EQ(database.error_code(), "database_unavailable");

    auto bug = client.get("/api/v1/bug");
    EXPECT_EQ(bug.status, 500);
    EXPECT_EQ(bug.error_code(), "internal_error");
    EXPECT_EQ(bug.body.find("a bug"), std::string::npos);

    EXPECT_EQ(client.get("/api/v1/bad-json").error_code(), "invalid_json");
    // The server is still there.
    EXPECT_EQ(client.get("/api/v1/conflict").status, 409);
}

TEST_F(HttpServerTest, ChecksAccessBeforeRunningTheHandler) {
    std::atomic<int> calls{0};
    auto handler = [&](const sdk::HttpRequest& request) {
        ++calls;
        return sdk::HttpResponse::ok({{"user", request.user ? request.user->username : ""}});
    };
    add_route("POST", "/api/v1/sessions", sdk::Access::permitted("sessions.start"), handler);
    add_route("GET", "/api/v1/admin", sdk::Access::admin_only(), handler);
    HttpClient client(start());

    EXPECT_EQ(client.post("/api/v1/sessions").error_code(), "unauthorized");
    client.set_token("forged");
    EXPECT_EQ(client.post("/api/v1/sessions").status, 401);
    client.set_token(kOperatorToken);
    EXPECT_EQ(client.get("/api/v1/admin").error_code(), "forbidden");
    client.set_token(kNewUserToken);
    EXPECT_EQ(client.post("/api/v1/sessions").error_code(), "forbidden");
    EXPECT_EQ(calls, 0);

    client.set_token(kOperatorToken);
    auto allowed = client.post("/api/v1/sessions");
    EXPECT_EQ(allowed.status, 200);
    EXPECT_EQ(allowed.json()["user"], "kasir");
    // The token in the query is only for event streams and WebSockets.
    client.set_token("");
    EXPECT_EQ(client.get("/api/v1/admin?token=" + kAdminToken).status, 401);
}

TEST_F(HttpServerTest, AUserWhoMustChangeThePasswordCanOnlyDoThat) {
    add_route("POST", "/api/v1/auth/password", sdk::Access::signed_in(),
              [](const sdk::HttpRequest&) { return sdk::HttpResponse::ok({{"changed", true}}); });
    add_route("POST", "/api/v1/things", sdk::Access::signed_in(),
              [](const sdk::HttpRequest&) { return sdk::HttpResponse::created({}); });
    add_route("GET", "/api/v1/things", sdk::Access::signed_in(),
              [](const sdk::HttpRequest&) { return sdk::HttpResponse::ok({}); });
    HttpClient client(start());
    client.set_token(kNewUserToken);

    auto blocked = client.post("/api/v1/things");
    EXPECT_EQ(blocked.status, 403);
    EXPECT_EQ(blocked.error_code(), "password_change_required");
    EXPECT_EQ(client.get("/api/v1/things").status, 200);
    EXPECT_EQ(client.post("/api/v1/auth/password").status, 200);
}

TEST_F(HttpServerTest, AuditsEveryMutatingRequestButNotReads) {
    add_route("PUT", "/api/v1/stations/{id}", sdk::Access::signed_in(), [](const sdk::HttpRequest& request) {
        auto response = sdk::HttpResponse::ok({});
        response.audit_target = "station:" + request.path_params.at("id");
        response.audit_details = {{"name", "TV 3"}};
        return response;
    });
    add_route("GET", "/api/v1/stations/{id}", sdk::Access::signed_in(),
              [](const sdk::HttpRequest&) { return sdk::HttpResponse::ok({}); });
    HttpClient client(start());

    client.set_token(kAdminToken);
    ASSERT_EQ(client.put("/api/v1/stations/3", {{"name", "TV 3"}, {"password", "rahasia-sekali"}}).status, 200);
    ASSERT_EQ(client.get("/api/v1/stations/3").status, 200);
    client.set_token("");
    ASSERT_EQ(client.put("/api/v1/stations/4", {}).status, 401);
    ASSERT_EQ(client.post("/api/v1/unknown").status, 404);

    auto entries = audit_entries();
    ASSERT_EQ(entries.size(), 3u) << entries.dump();
    EXPECT_EQ(entries[0]["method"], "POST");
    EXPECT_EQ(entries[0]["path"], "/api/v1/unknown");
    EXPECT_EQ(entries[0]["status"], 404);
    EXPECT_EQ(entries[0]["actor"], "anonymous");

    EXPECT_EQ(entries[1]["status"], 401);
    EXPECT_EQ(entries[1]["action"], "test.PUT");
    EXPECT_EQ(entries[1]["actor"], "anonymous");

    EXPECT_EQ(entries[2]["actor"], "admin");
    EXPECT_EQ(entries[2]["action"], "test.PUT");
    EXPECT_EQ(entries[2]["target"], "station:3");
    EXPECT_EQ(entries[2]["method"], "PUT");
    EXPECT_EQ(entries[2]["path"], "/api/v1/stations/3");
    EXPECT_EQ(entries[2]["status"], 200);
    EXPECT_EQ(entries[2]["remote_address"], "127.0.0.1");
    EXPECT_EQ(entries[2]["details"]["name"], "TV 3");
    // Bodies are never stored.
    EXPECT_EQ(entries.dump().find("rahasia-sekali"), std::string::npos);
}

TEST_F(HttpServerTest, RefusesBodiesOverTheLimitBeforeReadingThem) {
    options().body_limit = 1024;
    std::atomic<int> calls{0};
    auto count = [&](const sdk::HttpRequest& request) {
        ++calls;
        return sdk::HttpResponse::ok({{"size", request.body.size()}});
    };
    add_route("POST", "/api/v1/small", sdk::Access::anyone(), count);
    add_route("POST", "/api/v1/large", sdk::Access::anyone(), count, 4 << 20);
    HttpClient client(start());

    auto refused = client.request("POST", "/api/v1/small", std::string(2000, 'x'));
    EXPECT_EQ(refused.status, 413);
    EXPECT_EQ(refused.error_code(), "body_too_large");
    EXPECT_EQ(calls, 0);
    EXPECT_EQ(client.request("POST", "/api/v1/small", std::string(1000, 'x')).json()["size"], 1000);
    // Beyond Beast's own default limit (1 MiB) the route's limit still decides.
    EXPECT_EQ(client.request("POST", "/api/v1/large", std::string(2 << 20, 'x')).json()["size"], 2 << 20);
    EXPECT_EQ(client.request("POST", "/api/v1/small", std::string(3 << 20, 'x')).error_code(), "body_too_large");

    // A chunked body has no length up front: it is cut off at the limit.
    RawConnection chunked(port());
    std::string chunk(800, 'y');
    chunked.send("POST /api/v1/small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    chunked.send("320\r\n" + chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");
    ASSERT_TRUE(chunked.read_until_closed());
    EXPECT_EQ(chunked.received().rfind("HTTP/1.1 413", 0), 0u) << chunked.received();
    EXPECT_NE(chunked.received().find("body_too_large"), std::string::npos);
    EXPECT_EQ(calls, 2);

    // Refusals of mutating requests are audited too.
    EXPECT_EQ(audit_entries()[0]["status"], 413);
}

}  // namespace
}  // namespace billing::host::testing
