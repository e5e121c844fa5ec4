#include "tv_connection.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket.hpp>

namespace billing::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using namespace std::chrono_literals;

namespace {

constexpr auto kConnectTimeout = 10s;
constexpr auto kHeartbeatInterval = 20s;  // as web/tv/connection.mjs

}  // namespace

TvConnection::TvConnection(asio::io_context& io, asio::ip::tcp::endpoint server, std::string device_key,
                           Observer observer)
    : socket_(asio::make_strand(io)),
      server_(std::move(server)),
      device_key_(std::move(device_key)),
      observer_(std::move(observer)),
      heartbeat_(socket_.get_executor()) {}

TvScreen TvConnection::screen() const {
    std::lock_guard lock(screen_mutex_);
    return screen_;
}

void TvConnection::start() {
    asio::post(socket_.get_executor(), [self = shared_from_this()] {
        beast::get_lowest_layer(self->socket_).expires_after(kConnectTimeout);
        beast::get_lowest_layer(self->socket_).async_connect(
            self->server_, [self](beast::error_code error) { self->on_connect(error); });
    });
}

void TvConnection::on_connect(beast::error_code error) {
    if (error) return end("connect: " + error.message());
    // From here the WebSocket's own timeouts apply: the upgrade and the
    // closing handshake within 10 s, no idle limit (the server pings).
    beast::get_lowest_layer(socket_).expires_never();
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = kConnectTimeout;
    timeouts.idle_timeout = websocket::stream_base::none();
    timeouts.keep_alive_pings = false;
    socket_.set_option(timeouts);
    const auto host = server_.address().to_string() + ":" + std::to_string(server_.port());
    socket_.async_handshake(host, "/ws/tv-websocket",
                            [self = shared_from_this()](beast::error_code e) { self->on_handshake(e); });
}

void TvConnection::on_handshake(beast::error_code error) {
    if (error) return end("upgrade: " + error.message());
    send(nlohmann::json{{"type", "hello"},
                        {"protocol", 1},
                        {"token", nullptr},
                        {"device_key", device_key_},
                        {"device", {{"user_agent", "load-driver"}, {"screen", "1920x1080"}}}}
             .dump());
    read_next();
    beat_later();
}

void TvConnection::read_next() {
    socket_.async_read(buffer_, [self = shared_from_this()](beast::error_code error, std::size_t) {
        self->on_read(error);
    });
}

void TvConnection::on_read(beast::error_code error) {
    if (error) {
        if (closing_) return end("closed by load-driver");
        return end(error == websocket::error::closed ? "closed by the server" : "read: " + error.message());
    }
    auto message = nlohmann::json::parse(beast::buffers_to_string(buffer_.data()), nullptr, false);
    buffer_.consume(buffer_.size());
    if (message.is_object() && message.contains("type") && message["type"].is_string()) handle(message);
    read_next();
}

void TvConnection::handle(const nlohmann::json& message) {
    const auto type = message["type"].get<std::string>();
    {
        std::lock_guard lock(screen_mutex_);
        if (type == "state") {
            const auto mode = message.value("mode", "");
            if (mode != screen_.mode || !screen_.greeted) screen_.mode_since = Clock::now();
            screen_.mode = mode;
            screen_.greeted = true;
            const auto& station = message.value("station", nlohmann::json());
            screen_.station_code = station.is_object() ? station.value("code", "") : "";
        } else if (type == "qr" && message.value("purpose", "") == "pairing" && message["code"].is_string()) {
            screen_.pairing_code = message["code"].get<std::string>();
            std::erase(screen_.pairing_code, ' ');
        } else if (type == "paired") {
            screen_.token = message.value("token", "");
            screen_.pairing_code.clear();
        }
    }
    // A command is acknowledged, as the page does.
    if (type == "command" && message.contains("id")) send(nlohmann::json{{"type", "ack"}, {"id", message["id"]}}.dump());
    observer_(*this, message);
}

void TvConnection::send(std::string text) {
    outbox_.push_back(std::move(text));
    if (outbox_.size() == 1) write_next();
}

void TvConnection::write_next() {
    socket_.async_write(asio::buffer(outbox_.front()),
                        [self = shared_from_this()](beast::error_code error, std::size_t) {
                            if (error) return;  // the read side sees the end and reports it
                            self->outbox_.pop_front();
                            if (!self->outbox_.empty()) self->write_next();
                        });
}

void TvConnection::beat_later() {
    heartbeat_.expires_after(kHeartbeatInterval);
    heartbeat_.async_wait([self = shared_from_this()](beast::error_code error) {
        if (error || !self->socket_.is_open()) return;
        self->send(R"({"type":"heartbeat"})");
        self->beat_later();
    });
}

void TvConnection::close() {
    asio::post(socket_.get_executor(), [self = shared_from_this()] {
        if (!self->socket_.is_open()) return;
        self->closing_ = true;
        self->socket_.async_close(websocket::close_code::normal, [](beast::error_code) {});
    });
}

void TvConnection::end(const std::string& why) {
    heartbeat_.cancel();
    {
        std::lock_guard lock(screen_mutex_);
        if (screen_.closed) return;
        screen_.closed = true;
        screen_.error = why;
    }
    observer_(*this, nullptr);
}

}  // namespace billing::bench
