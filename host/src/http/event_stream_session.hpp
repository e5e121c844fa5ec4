#pragma once
#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <billing/sdk/bus.hpp>
#include <billing/sdk/user.hpp>

#include "http/server_state.hpp"

namespace billing::host {

// A Server-Sent Events stream (GET /api/v1/events): a chunked
// text/event-stream response that stays open. Bus events the user may see
// are written as `id:`/`event:`/`data:` records, with comment heartbeats in
// between. A client whose write queue fills up is disconnected rather than
// buffered without end.
class EventStreamSession : public LiveConnection, public std::enable_shared_from_this<EventStreamSession> {
public:
    EventStreamSession(boost::beast::tcp_stream&& stream, std::shared_ptr<ServerState> state, sdk::UserInfo user);
    ~EventStreamSession() override;

    // Sends the response header, subscribes to the bus and starts the heartbeat.
    void run(unsigned http_version);
    void shutdown() override;

private:
    void subscribe();
    void on_event(const sdk::Event& event);
    void schedule_heartbeat();
    void send_chunk(const std::string& data);
    void enqueue(std::string bytes);
    void write_next();
    void watch_for_close();
    void close();

    boost::beast::tcp_stream stream_;
    std::shared_ptr<ServerState> state_;
    const sdk::UserInfo user_;
    const std::uint64_t id_;
    boost::asio::steady_timer heartbeat_;
    sdk::SubscriptionId subscription_ = 0;
    std::deque<std::string> queue_;  // wire bytes: the header, then chunks
    bool writing_ = false;
    bool closed_ = false;
    std::array<char, 256> discarded_{};
};

}  // namespace billing::host
