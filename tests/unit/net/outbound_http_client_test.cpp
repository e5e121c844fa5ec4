#include "net/outbound_http_client.hpp"

#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <optional>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "local_server.hpp"
#include "recording_http_server.hpp"

namespace billing::host {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using test::answer;
using test::LocalServer;
using test::RecordingHttpServer;
using test::ServerRequest;
using ::testing::HasSubstr;
using ::testing::Pair;
using ::testing::Contains;

// Sends one request on a private network io_context and returns what
// on_done received, checking it was called exactly once.
sdk::OutboundResponse fetch(sdk::OutboundRequest request) {
    asio::io_context network;
    OutboundHttpClient client(network);
    std::optional<sdk::OutboundResponse> result;
    int calls = 0;
    client.send(std::move(request), [&](sdk::OutboundResponse response) {
        result = std::move(response);
        ++calls;
    });
    EXPECT_EQ(calls, 0) << "on_done must not run inside send()";
    network.run();
    EXPECT_EQ(calls, 1);
    return result.value_or(sdk::OutboundResponse{});
}

sdk::OutboundRequest get(std::string url) {
    sdk::OutboundRequest request;
    request.url = std::move(url);
    return request;
}

// A port nobody listens on: taken from the kernel, then released.
unsigned short closed_port() {
    asio::io_context context;
    tcp::acceptor acceptor(context, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
    return acceptor.local_endpoint().port();
}

TEST(OutboundHttpClient, GetsWithHeadersAndLowerCaseResponseHeaders) {
    RecordingHttpServer server([](const ServerRequest&) { return answer(http::status::ok, "pong"); });
    auto request = get(server.url("/ping?x=1"));
    request.headers = {{"Authorization", "Bearer abc"}, {"X-Trace", "t-1"}};

    auto response = fetch(request);

    EXPECT_EQ(response.error, "");
    EXPECT_TRUE(response.ok());
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "pong");
    EXPECT_THAT(response.headers, Contains(Pair("x-shop", "Rental PS")));
    EXPECT_THAT(response.headers, Contains(Pair("content-type", "text/plain")));
    auto seen = server.last_request();
    EXPECT_EQ(seen.method(), http::verb::get);
    EXPECT_EQ(seen.target(), "/ping?x=1");
    EXPECT_EQ(seen[http::field::authorization], "Bearer abc");
    EXPECT_EQ(seen["X-Trace"], "t-1");
    EXPECT_EQ(seen[http::field::host], "127.0.0.1:" + std::to_string(server.port()));
}

TEST(OutboundHttpClient, PostsTheBody) {
    RecordingHttpServer server([](const ServerRequest& request) {
        return answer(http::status::created, "got " + request.body(), "application/json");
    });
    sdk::OutboundRequest request = get(server.url("/messages"));
    request.method = "POST";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = R"({"to":"6281234567890"})";

    auto response = fetch(request);

    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.body, R"(got {"to":"6281234567890"})");
    auto seen = server.last_request();
    EXPECT_EQ(seen.method(), http::verb::post);
    EXPECT_EQ(seen[http::field::content_type], "application/json");
    EXPECT_EQ(seen[http::field::content_length], "22");
}

TEST(OutboundHttpClient, PassesErrorStatusesThrough) {
    RecordingHttpServer server([](const ServerRequest&) { return answer(http::status::not_found, "no such thing"); });
    auto response = fetch(get(server.url("/missing")));
    EXPECT_EQ(response.error, "") << "an HTTP error status is an answer, not a failure";
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(response.body, "no such thing");
    EXPECT_FALSE(response.ok());
}

TEST(OutboundHttpClient, RefusesResponsesOverTheBodyLimit) {
    RecordingHttpServer server([](const ServerRequest&) { return answer(http::status::ok, std::string(9 << 20, 'x')); });
    auto response = fetch(get(server.url("/huge")));
    EXPECT_THAT(response.error, HasSubstr("larger than the 8 MiB limit"));
    EXPECT_FALSE(response.ok());
}

TEST(OutboundHttpClient, TimesOutOnASilentServer) {
    // Connections complete in the kernel's backlog but nobody ever answers.
    asio::io_context context;
    tcp::acceptor silent(context, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
    auto request = get("http://127.0.0.1:" + std::to_string(silent.local_endpoint().port()) + "/");
    request.timeout = std::chrono::milliseconds(300);

    auto response = fetch(request);

    EXPECT_EQ(response.status, 0);
    EXPECT_THAT(response.error, HasSubstr("timeout after 300 ms"));
    EXPECT_THAT(response.error, HasSubstr("read the response from 127.0.0.1"));
}

TEST(OutboundHttpClient, ReportsARefusedConnection) {
    const unsigned short port = closed_port();
    auto response = fetch(get("http://127.0.0.1:" + std::to_string(port) + "/"));
    EXPECT_EQ(response.status, 0);
    EXPECT_THAT(response.error, HasSubstr("connect to 127.0.0.1:" + std::to_string(port)));
    EXPECT_THAT(response.error, HasSubstr("refused"));
}

TEST(OutboundHttpClient, ReportsBadRequestsWithoutSending) {
    EXPECT_THAT(fetch(get("ftp://example.com/")).error, HasSubstr("scheme \"ftp\" is not supported"));
    EXPECT_THAT(fetch(get("not a url")).error, HasSubstr("invalid URL \"not a url\""));

    auto bad_header = get("http://127.0.0.1:1/");
    bad_header.headers = {{"X-Evil", "a\r\nInjected: yes"}};
    EXPECT_THAT(fetch(bad_header).error, HasSubstr("invalid HTTP header \"X-Evil\""));

    auto bad_method = get("http://127.0.0.1:1/");
    bad_method.method = "GET /other";
    EXPECT_THAT(fetch(bad_method).error, HasSubstr("invalid HTTP method"));

    auto no_time = get("http://127.0.0.1:1/");
    no_time.timeout = std::chrono::milliseconds(0);
    EXPECT_THAT(fetch(no_time).error, HasSubstr("timeout of 0 ms is not positive"));
}

// A self-signed certificate for 127.0.0.1, made fresh for the test.
struct SelfSignedCertificate {
    SelfSignedCertificate() {
        key.reset(EVP_EC_gen("P-256"));
        certificate.reset(X509_new());
        X509_set_version(certificate.get(), 2);
        ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), 1);
        X509_gmtime_adj(X509_getm_notBefore(certificate.get()), 0);
        X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 3600);
        X509_set_pubkey(certificate.get(), key.get());
        X509_NAME* name = X509_get_subject_name(certificate.get());
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
        X509_set_issuer_name(certificate.get(), name);
        // The name matches, so only the missing trust can fail the check.
        X509_EXTENSION* alt_name = X509V3_EXT_conf_nid(nullptr, nullptr, NID_subject_alt_name, "IP:127.0.0.1");
        X509_add_ext(certificate.get(), alt_name, -1);
        X509_EXTENSION_free(alt_name);
        X509_sign(certificate.get(), key.get(), EVP_sha256());
    }

    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key{nullptr, EVP_PKEY_free};
    std::unique_ptr<X509, decltype(&X509_free)> certificate{nullptr, X509_free};
};

TEST(OutboundHttpClient, RefusesAnUntrustedCertificate) {
    SelfSignedCertificate self_signed;
    asio::ssl::context tls(asio::ssl::context::tls_server);
    ASSERT_EQ(SSL_CTX_use_certificate(tls.native_handle(), self_signed.certificate.get()), 1);
    ASSERT_EQ(SSL_CTX_use_PrivateKey(tls.native_handle(), self_signed.key.get()), 1);
    LocalServer server([&tls](tcp::socket socket) -> asio::awaitable<void> {
        asio::ssl::stream<tcp::socket> stream(std::move(socket), tls);
        co_await stream.async_handshake(asio::ssl::stream_base::server, asio::as_tuple(asio::use_awaitable));
    });

    auto response = fetch(get("https://127.0.0.1:" + std::to_string(server.port()) + "/secret"));

    EXPECT_EQ(response.status, 0);
    EXPECT_THAT(response.error, HasSubstr("TLS handshake with 127.0.0.1:" + std::to_string(server.port())));
    EXPECT_THAT(response.error, HasSubstr("certificate verify failed"));
}

}  // namespace
}  // namespace billing::host
