#pragma once
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <nlohmann/json.hpp>

#include "tv_screen.hpp"

namespace billing::bench {

// One simulated TV speaking docs/protocols/tv-websocket.md: connects,
// says hello, keeps reading (Beast answers the server's pings), sends a
// heartbeat every 20 s as the page does, and keeps what its screen shows.
// Everything runs on the connection's own strand; screen() may be called
// from any thread. Included only by tv_fleet.cpp, which keeps Asio out of
// the rest of the tool.
class TvConnection : public std::enable_shared_from_this<TvConnection> {
public:
    // Called on the connection's strand after each received message has
    // updated the screen; `message` is null when the connection ended.
    using Observer = std::function<void(const TvConnection&, const nlohmann::json& message)>;

    TvConnection(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint server, std::string device_key,
                 Observer observer);

    // Connects, upgrades to /ws/tv-websocket and sends hello; then reads until closed.
    void start();
    // Sends a normal close; the connection then ends as the server answers
    // (or after the handshake timeout).
    void close();

    TvScreen screen() const;
    const std::string& device_key() const { return device_key_; }

private:
    void on_connect(boost::beast::error_code error);
    void on_handshake(boost::beast::error_code error);
    void read_next();
    void on_read(boost::beast::error_code error);
    void handle(const nlohmann::json& message);
    void send(std::string text);
    void write_next();
    void beat_later();
    void end(const std::string& why);

    boost::beast::websocket::stream<boost::beast::tcp_stream> socket_;
    boost::asio::ip::tcp::endpoint server_;
    std::string device_key_;
    Observer observer_;
    boost::beast::flat_buffer buffer_;
    std::deque<std::string> outbox_;  // the front one is being written
    boost::asio::steady_timer heartbeat_;
    bool closing_ = false;  // close() was called: the read that ends is ours

    mutable std::mutex screen_mutex_;
    TvScreen screen_;
};

}  // namespace billing::bench
