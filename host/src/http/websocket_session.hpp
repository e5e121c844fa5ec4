#pragma once
#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <billing/sdk/websocket.hpp>

#include "api/websocket_registry.hpp"
#include "http/server_state.hpp"

namespace billing::host {

// One WebSocket connection to a plugin endpoint, on its own strand. Text
// messages go to the endpoint's handlers through the endpoint's poster (the
// plugin's strand): on_open, on_message for each, on_close once. Binary
// messages are refused. send() may be called from any thread; a client
// whose queue overflows is disconnected.
class WebSocketSession : public sdk::WebSocketConnection,
                         public LiveConnection,
                         public std::enable_shared_from_this<WebSocketSession> {
public:
    // Who is on the other end, from the upgrade request.
    struct Peer {
        std::string remote_address;
        std::map<std::string, std::string> query;
        std::map<std::string, std::string> headers;  // lower-case names
        std::optional<sdk::UserInfo> user;
    };

    WebSocketSession(boost::beast::tcp_stream&& stream, std::shared_ptr<ServerState> state,
                     WebSocketRegistry::Found endpoint, Peer peer);
    ~WebSocketSession() override;

    // Completes the upgrade with `upgrade` (the request already read).
    void run(boost::beast::http::request<boost::beast::http::string_body> upgrade);
    void shutdown() override;

    std::uint64_t id() const override { return id_; }
    const std::string& remote_address() const override { return peer_.remote_address; }
    const std::map<std::string, std::string>& query() const override { return peer_.query; }
    const std::map<std::string, std::string>& headers() const override { return peer_.headers; }
    const std::optional<sdk::UserInfo>& user() const override { return peer_.user; }
    void send(std::string text) override;
    void close(const std::string& reason) override;
    bool is_open() const override { return open_; }

private:
    void on_accept(boost::beast::error_code error);
    void read();
    void on_read(boost::beast::error_code error);
    void enqueue(std::string text);
    void write_next();
    void close_with(boost::beast::websocket::close_code code, const std::string& reason);
    void finish();
    // Runs `callback` with this connection on the endpoint's poster.
    void notify(std::function<void(const sdk::WebSocketPtr&)> callback);

    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    std::shared_ptr<ServerState> state_;
    const WebSocketRegistry::Found endpoint_;
    const Peer peer_;
    const std::uint64_t id_;
    boost::beast::flat_buffer buffer_;
    std::deque<std::string> queue_;
    std::atomic<bool> open_{false};
    bool accepted_ = false;
    bool writing_ = false;
    bool closing_ = false;
    bool finished_ = false;
};

}  // namespace billing::host
