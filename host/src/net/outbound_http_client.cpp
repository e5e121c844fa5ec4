#include "net/outbound_http_client.hpp"

#include <openssl/ssl.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include "net/outbound_url.hpp"

namespace billing::host {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using Strand = asio::strand<asio::io_context::executor_type>;
using Request = http::request<http::string_body>;

constexpr std::uint64_t kBodyLimit = 8 * 1024 * 1024;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

sdk::OutboundResponse failure(std::string error) {
    sdk::OutboundResponse response;
    response.error = std::move(error);
    return response;
}

// Calls the owner's callback; an exception from it must not unwind through
// the network thread's event loop.
void deliver(const std::function<void(sdk::OutboundResponse)>& on_done, sdk::OutboundResponse response) {
    try {
        on_done(std::move(response));
    } catch (const std::exception& e) {
        spdlog::error("outbound HTTP: the completion callback threw: {}", e.what());
    }
}

std::string lower(std::string_view text) {
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

Request build_request(const sdk::OutboundRequest& outbound, const OutboundUrl& url) {
    if (outbound.method.empty() ||
        outbound.method.find_first_of(" \t\r\n") != std::string::npos) {
        throw std::invalid_argument("invalid HTTP method \"" + outbound.method + "\"");
    }
    Request request;
    request.method_string(outbound.method);
    request.target(url.target);
    request.version(11);
    request.set(http::field::host, url.host_header());
    request.set(http::field::user_agent, "billing-host");
    request.set(http::field::connection, "close");
    for (const auto& [name, value] : outbound.headers) {
        // A line break would let a header smuggle in more headers.
        if ((name + value).find_first_of("\r\n") != std::string::npos || name.empty()) {
            throw std::invalid_argument("invalid HTTP header \"" + name + "\"");
        }
        request.set(name, value);
    }
    request.body() = outbound.body;
    request.prepare_payload();
    return request;
}

// One request's I/O objects, shared with the deadline's handler so that a
// timeout can abort whatever step is under way.
struct Connection {
    Connection(const Strand& strand, asio::ssl::context& tls) : resolver(strand), stream(strand, tls), deadline(strand) {}

    void abort() {
        timed_out = true;
        resolver.cancel();
        boost::system::error_code ignored;
        stream.next_layer().close(ignored);
    }

    tcp::resolver resolver;
    asio::ssl::stream<tcp::socket> stream;
    asio::steady_timer deadline;
    bool timed_out = false;
};

class Exchange {
public:
    Exchange(std::shared_ptr<Connection> connection, OutboundUrl url, Request request, std::chrono::milliseconds timeout)
        : connection_(std::move(connection)), url_(std::move(url)), request_(std::move(request)), timeout_(timeout),
          peer_(url_.host + ":" + std::to_string(url_.port)) {}

    asio::awaitable<sdk::OutboundResponse> run() {
        connection_->deadline.expires_after(timeout_);
        connection_->deadline.async_wait([connection = connection_](boost::system::error_code error) {
            if (!error) connection->abort();
        });
        auto response = co_await talk();
        connection_->deadline.cancel();
        co_return response;
    }

private:
    asio::awaitable<sdk::OutboundResponse> talk() {
        auto [resolve_error, endpoints] =
            co_await connection_->resolver.async_resolve(url_.host, std::to_string(url_.port), use_tuple);
        if (resolve_error) co_return failed("resolve " + url_.host, resolve_error);

        auto [connect_error, endpoint] = co_await asio::async_connect(connection_->stream.next_layer(), endpoints, use_tuple);
        if (connect_error) co_return failed("connect to " + peer_, connect_error);

        if (!url_.tls) co_return co_await write_and_read(connection_->stream.next_layer());
        prepare_tls();
        auto [handshake_error] = co_await connection_->stream.async_handshake(asio::ssl::stream_base::client, use_tuple);
        if (handshake_error) co_return failed("TLS handshake with " + peer_, handshake_error);
        co_return co_await write_and_read(connection_->stream);
    }

    void prepare_tls() {
        auto& stream = connection_->stream;
        boost::system::error_code not_an_address;
        asio::ip::make_address(url_.host, not_an_address);
        // SNI carries host names only, never addresses (RFC 6066). This is
        // SSL_set_tlsext_host_name() without the macro's old-style cast.
        if (not_an_address) {
            SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                     const_cast<char*>(url_.host.c_str()));
        }
        stream.set_verify_mode(asio::ssl::verify_peer);
        stream.set_verify_callback(asio::ssl::host_name_verification(url_.host));
    }

    template <class Stream>
    asio::awaitable<sdk::OutboundResponse> write_and_read(Stream& stream) {
        auto [write_error, written] = co_await http::async_write(stream, request_, use_tuple);
        if (write_error) co_return failed("send the request to " + peer_, write_error);

        boost::beast::flat_buffer buffer;
        http::response_parser<http::string_body> parser;
        parser.body_limit(kBodyLimit);
        parser.skip(request_.method() == http::verb::head);
        auto [read_error, read] = co_await http::async_read(stream, buffer, parser, use_tuple);
        if (read_error == http::error::body_limit) {
            co_return failure("the response from " + peer_ + " is larger than the 8 MiB limit");
        }
        if (read_error) co_return failed("read the response from " + peer_, read_error);

        auto& message = parser.get();
        sdk::OutboundResponse response;
        response.status = static_cast<int>(message.result_int());
        for (const auto& field : message) response.headers.emplace_back(lower(field.name_string()), field.value());
        response.body = std::move(message.body());
        co_return response;
    }

    sdk::OutboundResponse failed(const std::string& step, const boost::system::error_code& error) const {
        if (connection_->timed_out) {
            return failure("timeout after " + std::to_string(timeout_.count()) + " ms (at: " + step + ")");
        }
        return failure(step + ": " + error.message());
    }

    std::shared_ptr<Connection> connection_;
    OutboundUrl url_;
    Request request_;
    std::chrono::milliseconds timeout_;
    std::string peer_;
};

}  // namespace

struct OutboundHttpClient::Impl {
    explicit Impl(asio::io_context& context) : network(context) {
        tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_tlsv1 |
                        asio::ssl::context::no_tlsv1_1);
        tls.set_default_verify_paths();
        tls.set_verify_mode(asio::ssl::verify_peer);
    }

    asio::io_context& network;
    asio::ssl::context tls{asio::ssl::context::tls_client};
};

OutboundHttpClient::OutboundHttpClient(asio::io_context& network) : impl_(std::make_shared<Impl>(network)) {}

OutboundHttpClient::~OutboundHttpClient() = default;

void OutboundHttpClient::send(sdk::OutboundRequest request, std::function<void(sdk::OutboundResponse)> on_done) {
    OutboundUrl url;
    Request message;
    try {
        if (request.timeout.count() <= 0) {
            throw std::invalid_argument("timeout of " + std::to_string(request.timeout.count()) + " ms is not positive");
        }
        url = parse_outbound_url(request.url);
        message = build_request(request, url);
    } catch (const std::invalid_argument& e) {
        asio::post(impl_->network, [on_done = std::move(on_done), error = std::string(e.what())] {
            deliver(on_done, failure(error));
        });
        return;
    }

    auto strand = asio::make_strand(impl_->network);
    // The exchange keeps the TLS context alive even if the client goes first.
    auto exchange = std::make_shared<Exchange>(std::make_shared<Connection>(strand, impl_->tls), std::move(url),
                                               std::move(message), request.timeout);
    asio::co_spawn(strand, [exchange, impl = impl_]() { return exchange->run(); },
                   [on_done = std::move(on_done)](std::exception_ptr thrown, sdk::OutboundResponse response) {
                       if (thrown) {
                           try {
                               std::rethrow_exception(thrown);
                           } catch (const std::exception& e) {
                               response = failure(std::string("outbound request failed: ") + e.what());
                           }
                       }
                       deliver(on_done, std::move(response));
                   });
}

}  // namespace billing::host
