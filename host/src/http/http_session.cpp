#include "http/http_session.hpp"

#include <algorithm>
#include <cctype>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <spdlog/spdlog.h>

#include "api/websocket_registry.hpp"
#include "http/event_stream_session.hpp"
#include "http/response_message.hpp"
#include "http/websocket_session.hpp"

namespace billing::host {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

// How long a connection closing after a partly read request keeps reading
// (and discarding) what the client still sends.
constexpr std::chrono::seconds linger_period{2};

// Bytes read at a time while waiting for the next request.
constexpr std::size_t first_read_size = 4096;

std::string lower_case(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

const std::string plugin_web_prefix = "/plugin-web/";

bool is_api_path(const std::string& path) { return path == "/api" || path.starts_with("/api/"); }

bool is_http_parse_error(const beast::error_code& error) {
    return error.category() == http::make_error_code(http::error::bad_target).category();
}

}  // namespace

HttpSession::HttpSession(net::ip::tcp::socket&& socket, std::shared_ptr<ServerState> state)
    : stream_(std::move(socket)), state_(std::move(state)), id_(state_->next_connection_id()) {
    beast::error_code error;
    auto remote = stream_.socket().remote_endpoint(error);
    if (!error) remote_address_ = remote.address().to_string();
}

HttpSession::~HttpSession() { state_->leave(id_); }

void HttpSession::run() {
    state_->join(id_, weak_from_this());
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->await_request(); });
}

void HttpSession::shutdown() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
        self->closing_ = true;
        // Between requests nothing is lost by closing now. A request in
        // flight, even one whose first bytes are only waiting in the
        // socket, is answered first (with Connection: close).
        beast::error_code error;
        if (self->idle_ && self->stream_.socket().available(error) == 0) self->stream_.cancel();
    });
}

ApiDispatcher::Reply HttpSession::reply_on_strand(bool may_keep_alive) {
    return [self = shared_from_this(), may_keep_alive](sdk::HttpResponse response) {
        net::post(self->stream_.get_executor(), [self, may_keep_alive, response = std::move(response)]() mutable {
            self->reply(std::move(response), may_keep_alive);
        });
    };
}

void HttpSession::await_request() {
    if (closing_ || state_->shutting_down()) {
        close();
        return;
    }
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(state_->options().header_limit));
    // The body limit depends on the route, known once the header is in; the
    // parser must not apply its own default to the Content-Length meanwhile.
    parser_->body_limit(boost::none);
    target_.reset();
    idle_ = true;
    // A pipelined request may already be in the buffer.
    if (buffer_.size() > 0) {
        read_header();
        return;
    }
    // Wait for the first byte: a new connection gets the request timeout to
    // start talking, a kept-alive one the idle timeout.
    stream_.expires_after(first_request_ ? state_->options().request_timeout : state_->options().idle_timeout);
    stream_.async_read_some(buffer_.prepare(first_read_size),
                            [self = shared_from_this()](beast::error_code error, std::size_t bytes) {
                                self->buffer_.commit(bytes);
                                if (error) {
                                    self->on_read_error(error);
                                    return;
                                }
                                self->read_header();
                            });
}

void HttpSession::read_header() {
    idle_ = false;
    // The whole request, header and body, must arrive within the request timeout.
    stream_.expires_after(state_->options().request_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code error, std::size_t) {
                                self->on_header(error);
                            });
}

void HttpSession::on_header(beast::error_code error) {
    if (error) {
        on_read_error(error);
        return;
    }
    const auto& header = parser_->get();
    target_ = parse_request_target(header.target());
    if (!target_) {
        reply_and_close(sdk::HttpResponse::error(400, "bad_request", "the request target is not a valid path"));
        return;
    }

    // Pick the body limit from the route, before reading any of the body.
    auto method = std::string(header.method_string());
    auto limit = is_api_path(target_->path) ? state_->dispatcher().body_limit(method, target_->path)
                                            : state_->options().body_limit;
    auto length = parser_->content_length();
    if (length && *length > limit) {
        refuse_body(sdk::HttpResponse::error(
            413, "body_too_large",
            "the request body has " + std::to_string(*length) + " bytes; at most " + std::to_string(limit) +
                " are accepted here"));
        return;
    }
    parser_->body_limit(limit);
    body_limit_ = limit;

    if (beast::iequals(header[http::field::expect], "100-continue")) {
        continue_ = {http::status::continue_, header.version()};
        http::async_write(stream_, continue_, [self = shared_from_this()](beast::error_code write_error, std::size_t) {
            if (write_error) {
                self->on_read_error(write_error);
                return;
            }
            self->read_body();
        });
        return;
    }
    read_body();
}

void HttpSession::read_body() {
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code error, std::size_t) {
        self->on_request(error);
    });
}

void HttpSession::on_request(beast::error_code error) {
    if (error == http::error::body_limit) {
        refuse_body(sdk::HttpResponse::error(
            413, "body_too_large",
            "the request body is larger than the " + std::to_string(body_limit_) +
                " bytes accepted here"));
        return;
    }
    if (error) {
        on_read_error(error);
        return;
    }
    handle_request();
}

void HttpSession::on_read_error(beast::error_code error) {
    if (error == http::error::header_limit) {
        reply_and_close(sdk::HttpResponse::error(431, "header_too_large",
                                                 "the request header is larger than " +
                                                     std::to_string(state_->options().header_limit) + " bytes"));
        return;
    }
    if (is_http_parse_error(error) && error != http::error::end_of_stream && error != http::error::partial_message) {
        reply_and_close(sdk::HttpResponse::error(400, "bad_request", "malformed HTTP request: " + error.message()));
        return;
    }
    // The client went away, was too slow (timeout), or the server closed
    // an idle connection: nothing left to answer.
    if (error == beast::error::timeout) spdlog::debug("connection {} from {} timed out", id_, remote_address_);
    close();
}

sdk::HttpRequest HttpSession::sdk_request() {
    auto& message = parser_->get();
    sdk::HttpRequest request;
    request.method = std::string(message.method_string());
    request.path = target_->path;
    request.query = target_->query;
    for (const auto& field : message) {
        auto [it, inserted] = request.headers.emplace(lower_case(field.name_string()), std::string(field.value()));
        if (!inserted) it->second += ", " + std::string(field.value());
    }
    request.body = std::move(message.body());
    request.remote_address = remote_address_;
    return request;
}

void HttpSession::handle_request() {
    const auto& message = parser_->get();
    const auto& path = target_->path;
    auto request = sdk_request();

    if (path.starts_with("/ws/")) {
        if (boost::beast::websocket::is_upgrade(message))
            upgrade_to_websocket(std::move(request));
        else
            reply(sdk::HttpResponse::error(426, "upgrade_required", path + " only accepts WebSocket upgrades"));
    } else if (path == events_path) {
        if (request.method == "GET")
            open_event_stream(std::move(request));
        else
            reply(sdk::HttpResponse::error(405, "method_not_allowed", "the event stream only answers GET"));
    } else if (is_api_path(path)) {
        state_->dispatcher().dispatch(std::move(request), reply_on_strand(true));
    } else if (request.method == "GET" || request.method == "HEAD") {
        // Reading a file's metadata and streaming it from the page cache is
        // quick enough for a network thread; the web root is small and local.
        if (path.starts_with(plugin_web_prefix))
            reply(serve_plugin_page(path, request.header("if-none-match")));
        else
            reply(state_->static_files().serve(path, request.header("if-none-match")));
    } else {
        reply(sdk::HttpResponse::error(405, "method_not_allowed", "only GET and HEAD are served outside /api"));
    }
}

// /plugin-web/<id>/<file>: a file of a running plugin's web/ folder, with
// the same rules as the web root; nothing once the plugin stops.
sdk::HttpResponse HttpSession::serve_plugin_page(const std::string& path, const std::string& if_none_match) const {
    auto rest = path.substr(plugin_web_prefix.size());
    auto slash = rest.find('/');
    auto id = rest.substr(0, slash);
    const auto& root_of = state_->options().plugin_web_root;
    auto root = root_of && !id.empty() ? root_of(id) : std::filesystem::path{};
    if (root.empty()) return sdk::HttpResponse::error(404, "not_found", "no running plugin page " + path);
    return StaticFiles(root).serve(slash == std::string::npos ? "/" : rest.substr(slash), if_none_match);
}

void HttpSession::refuse_body(sdk::HttpResponse refusal) {
    // The body was not read, so the connection cannot carry another request.
    if (!is_api_path(target_->path)) {
        reply_and_close(std::move(refusal));
        return;
    }
    state_->dispatcher().refuse(sdk_request(), std::move(refusal), reply_on_strand(false));
}

void HttpSession::upgrade_to_websocket(sdk::HttpRequest request) {
    auto found = state_->services().websockets.find(request.path);
    if (!found.endpoint) {
        reply(sdk::HttpResponse::error(404, "not_found", "no WebSocket endpoint " + request.path));
        return;
    }
    auto access = found.endpoint->options.access;
    auto peer = request;
    state_->dispatcher().authorize(
        std::move(access), std::move(request),
        [self = shared_from_this(), found = std::move(found), peer = std::move(peer)](AccessGate::Decision decision) mutable {
            net::post(self->stream_.get_executor(), [self, found = std::move(found), peer = std::move(peer),
                                                     decision = std::move(decision)]() mutable {
                if (decision.refusal) {
                    self->reply(std::move(*decision.refusal));
                    return;
                }
                WebSocketSession::Peer who{peer.remote_address, std::move(peer.query), std::move(peer.headers),
                                           std::move(decision.user)};
                std::make_shared<WebSocketSession>(std::move(self->stream_), self->state_, std::move(found),
                                                   std::move(who))
                    ->run(self->parser_->release());
            });
        });
}

void HttpSession::open_event_stream(sdk::HttpRequest request) {
    state_->dispatcher().authorize(
        sdk::Access::signed_in(), std::move(request), [self = shared_from_this()](AccessGate::Decision decision) {
            net::post(self->stream_.get_executor(), [self, decision = std::move(decision)]() mutable {
                if (decision.refusal) {
                    self->reply(std::move(*decision.refusal));
                    return;
                }
                std::make_shared<EventStreamSession>(std::move(self->stream_), self->state_, std::move(*decision.user))
                    ->run(self->parser_->get().version());
            });
        });
}

void HttpSession::reply(sdk::HttpResponse response, bool may_keep_alive) {
    const auto& header = parser_->get();
    spdlog::debug("{} {} {} -> {}", remote_address_, header.method_string(), target_ ? target_->path : "?",
                  response.status);
    bool keep_alive = may_keep_alive && header.keep_alive() && !closing_ && !state_->shutting_down();
    bool head_only = header.method() == http::verb::head;
    auto message = make_response_message(std::move(response), header.version(), keep_alive, head_only);
    // A large download on a slow link may take long: the write has no
    // deadline. A vanished client is found by TCP, and shutdown has its grace.
    stream_.expires_never();
    beast::async_write(stream_, std::move(message),
                       [self = shared_from_this(), keep_alive](beast::error_code error, std::size_t) {
                           self->on_write(keep_alive, error);
                       });
}

void HttpSession::on_write(bool keep_alive, beast::error_code error) {
    if (error) {
        spdlog::debug("connection {} from {}: write failed: {}", id_, remote_address_, error.message());
        stream_.close();
        return;
    }
    if (keep_alive) {
        first_request_ = false;
        await_request();
    } else if (parser_->is_done()) {
        close();
    } else {
        linger_and_close();
    }
}

void HttpSession::close() {
    beast::error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    stream_.close();
}

// The client may still be sending the part of the request that was not
// read; closing now could make the kernel answer with a reset that destroys
// the response before the client has read it.
void HttpSession::linger_and_close() {
    beast::error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    stream_.expires_after(linger_period);
    buffer_.clear();
    idle_ = true;
    drain_until_closed();
}

void HttpSession::drain_until_closed() {
    stream_.async_read_some(buffer_.prepare(first_read_size),
                            [self = shared_from_this()](beast::error_code error, std::size_t) {
                                if (error) {
                                    self->stream_.close();
                                    return;
                                }
                                self->drain_until_closed();
                            });
}

}  // namespace billing::host
