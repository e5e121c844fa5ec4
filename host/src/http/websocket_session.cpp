#include "http/websocket_session.hpp"

#include <boost/asio/post.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket/stream_base.hpp>
#include <spdlog/spdlog.h>

namespace billing::host {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace net = boost::asio;

namespace {

// RFC 6455 limits a close reason to 123 bytes.
constexpr std::size_t max_close_reason = 123;

}  // namespace

WebSocketSession::WebSocketSession(beast::tcp_stream&& stream, std::shared_ptr<ServerState> state,
                                   WebSocketRegistry::Found endpoint, Peer peer)
    : ws_(std::move(stream)),
      state_(std::move(state)),
      endpoint_(std::move(endpoint)),
      peer_(std::move(peer)),
      id_(state_->next_connection_id()) {}

WebSocketSession::~WebSocketSession() { state_->leave(id_); }

void WebSocketSession::run(beast::http::request<beast::http::string_body> upgrade) {
    state_->join(id_, weak_from_this());
    // The WebSocket's own timeouts (with server pings) replace the stream's.
    beast::get_lowest_layer(ws_).expires_never();
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.read_message_max(endpoint_.endpoint->options.max_message_bytes);
    ws_.text(true);
    ws_.async_accept(upgrade, [self = shared_from_this()](beast::error_code error) { self->on_accept(error); });
}

void WebSocketSession::on_accept(beast::error_code error) {
    if (error) {
        spdlog::debug("WebSocket upgrade to {} from {} failed: {}", endpoint_.endpoint->path, peer_.remote_address,
                      error.message());
        return;
    }
    accepted_ = true;
    open_ = true;
    state_->services().websockets.attach(endpoint_.endpoint_id, shared_from_this());
    notify(endpoint_.endpoint->handlers.on_open);
    if (state_->shutting_down()) close_with(websocket::close_code::going_away, "server shutting down");
    read();
}

void WebSocketSession::read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code error, std::size_t) { self->on_read(error); });
}

void WebSocketSession::on_read(beast::error_code error) {
    if (error) {
        finish();
        return;
    }
    if (!ws_.got_text()) {
        buffer_.clear();
        close_with(websocket::close_code::policy_error, "only text messages are accepted");
        read();  // completes once the closing handshake is over
        return;
    }
    auto text = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    if (auto& on_message = endpoint_.endpoint->handlers.on_message) {
        notify([on_message, text = std::move(text)](const sdk::WebSocketPtr& connection) {
            on_message(connection, text);
        });
    }
    read();
}

void WebSocketSession::send(std::string text) {
    if (!open_) return;
    net::post(ws_.get_executor(), [self = shared_from_this(), text = std::move(text)]() mutable {
        self->enqueue(std::move(text));
    });
}

void WebSocketSession::enqueue(std::string text) {
    if (!open_ || closing_) return;
    if (queue_.size() >= state_->options().connection_queue_limit) {
        spdlog::warn("WebSocket {} on {} is not keeping up ({} messages queued); disconnecting", id_,
                     endpoint_.endpoint->path, queue_.size());
        close_with(websocket::close_code::policy_error, "client too slow");
        return;
    }
    queue_.push_back(std::move(text));
    if (!writing_) write_next();
}

void WebSocketSession::write_next() {
    writing_ = true;
    ws_.async_write(net::buffer(queue_.front()), [self = shared_from_this()](beast::error_code error, std::size_t) {
        self->writing_ = false;
        if (error) {
            self->queue_.clear();
            return;  // the read fails too and finishes the connection
        }
        self->queue_.pop_front();
        if (!self->queue_.empty() && !self->closing_) self->write_next();
    });
}

void WebSocketSession::close(const std::string& reason) {
    net::post(ws_.get_executor(), [self = shared_from_this(), reason] {
        self->close_with(websocket::close_code::normal, reason);
    });
}

// Before the handshake has completed close_with() does nothing; on_accept
// then sees the server shutting down and closes.
void WebSocketSession::shutdown() {
    net::post(ws_.get_executor(), [self = shared_from_this()] {
        self->close_with(websocket::close_code::going_away, "server shutting down");
    });
}

void WebSocketSession::close_with(websocket::close_code code, const std::string& reason) {
    if (closing_ || !accepted_ || finished_) return;
    closing_ = true;
    open_ = false;
    ws_.async_close(websocket::close_reason(code, reason.substr(0, max_close_reason)),
                    [self = shared_from_this()](beast::error_code) {});
}

void WebSocketSession::finish() {
    if (finished_) return;
    finished_ = true;
    open_ = false;
    state_->services().websockets.detach(endpoint_.endpoint_id, id_);
    notify(endpoint_.endpoint->handlers.on_close);
}

void WebSocketSession::notify(std::function<void(const sdk::WebSocketPtr&)> callback) {
    if (!callback) return;
    endpoint_.endpoint->poster([self = shared_from_this(), callback = std::move(callback)] {
        // The plugin manager marks a throwing plugin faulted; here the
        // connection only has to survive it.
        try {
            callback(self);
        } catch (const std::exception& error) {
            spdlog::error("WebSocket handler of {} failed: {}", self->endpoint_.endpoint->path, error.what());
            self->close("internal error");
        }
    });
}

}  // namespace billing::host
