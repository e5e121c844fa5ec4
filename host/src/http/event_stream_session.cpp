#include "http/event_stream_session.hpp"

#include <sstream>

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/write.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "bus/event_bus.hpp"
#include "bus/event_visibility.hpp"
#include "core/clock.hpp"

namespace billing::host {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

std::string response_header(unsigned http_version) {
    http::response<http::empty_body> header{http::status::ok, http_version};
    header.set(http::field::content_type, "text/event-stream");
    header.set(http::field::cache_control, "no-store");
    header.set("X-Content-Type-Options", "nosniff");
    header.keep_alive(true);
    header.chunked(true);
    std::ostringstream text;
    text << header.base();
    return text.str();
}

// One SSE record. The JSON is dumped on one line, as `data:` requires.
std::string event_record(const sdk::Event& event) {
    nlohmann::json data{{"topic", event.topic},
                        {"payload", event.payload},
                        {"source", event.source},
                        {"at", format_iso8601_utc(event.at_ms)},
                        {"seq", event.sequence}};
    return fmt::format("id: {}\nevent: {}\ndata: {}\n\n", event.sequence, event.topic, data.dump());
}

}  // namespace

EventStreamSession::EventStreamSession(beast::tcp_stream&& stream, std::shared_ptr<ServerState> state,
                                       sdk::UserInfo user)
    : stream_(std::move(stream)),
      state_(std::move(state)),
      user_(std::move(user)),
      id_(state_->next_connection_id()),
      heartbeat_(stream_.get_executor()) {}

EventStreamSession::~EventStreamSession() { state_->leave(id_); }

void EventStreamSession::run(unsigned http_version) {
    state_->join(id_, weak_from_this());
    // The stream stays open as long as the client listens.
    stream_.expires_never();
    enqueue(response_header(http_version));
    send_chunk("retry: 3000\n\n");
    subscribe();
    schedule_heartbeat();
    watch_for_close();
}

void EventStreamSession::shutdown() {
    net::post(stream_.get_executor(), [self = shared_from_this()] { self->close(); });
}

void EventStreamSession::subscribe() {
    auto executor = stream_.get_executor();
    Poster on_this_strand = [executor](std::function<void()> job) { net::post(executor, std::move(job)); };
    std::weak_ptr<EventStreamSession> weak = shared_from_this();
    subscription_ = state_->services().bus.subscribe(
        "sse:" + std::to_string(id_), "*",
        [weak](const sdk::Event& event) {
            if (auto self = weak.lock()) self->on_event(event);
        },
        std::move(on_this_strand));
}

void EventStreamSession::on_event(const sdk::Event& event) {
    if (closed_ || !state_->services().visibility.may_see(user_, event.topic)) return;
    send_chunk(event_record(event));
}

void EventStreamSession::schedule_heartbeat() {
    heartbeat_.expires_after(state_->options().sse_heartbeat);
    heartbeat_.async_wait([self = shared_from_this()](beast::error_code error) {
        if (error || self->closed_) return;
        self->send_chunk(": heartbeat\n\n");
        self->schedule_heartbeat();
    });
}

void EventStreamSession::send_chunk(const std::string& data) {
    enqueue(fmt::format("{:x}\r\n{}\r\n", data.size(), data));
}

void EventStreamSession::enqueue(std::string bytes) {
    if (closed_) return;
    if (queue_.size() >= state_->options().connection_queue_limit) {
        spdlog::warn("event stream {} of {} is not keeping up ({} messages queued); disconnecting", id_,
                     user_.username, queue_.size());
        close();
        return;
    }
    queue_.push_back(std::move(bytes));
    if (!writing_) write_next();
}

void EventStreamSession::write_next() {
    writing_ = true;
    net::async_write(stream_, net::buffer(queue_.front()),
                     [self = shared_from_this()](beast::error_code error, std::size_t) {
                         self->writing_ = false;
                         if (error) {
                             self->close();
                             return;
                         }
                         self->queue_.pop_front();
                         if (!self->queue_.empty() && !self->closed_) self->write_next();
                     });
}

// The client sends nothing after its request; a read ends when it leaves.
void EventStreamSession::watch_for_close() {
    stream_.async_read_some(net::buffer(discarded_), [self = shared_from_this()](beast::error_code error, std::size_t) {
        if (error) {
            self->close();
            return;
        }
        self->watch_for_close();
    });
}

void EventStreamSession::close() {
    if (closed_) return;
    closed_ = true;
    state_->services().bus.unsubscribe(subscription_);
    heartbeat_.cancel();
    beast::error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
    stream_.close();
}

}  // namespace billing::host
