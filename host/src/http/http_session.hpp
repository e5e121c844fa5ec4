#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message_generator.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <billing/sdk/http.hpp>

#include "http/request_target.hpp"
#include "http/server_state.hpp"

namespace billing::host {

// One HTTP/1.1 connection, on its own strand. Reads requests one at a time
// (pipelined requests wait in the buffer and are answered in order): the
// header first, to refuse an oversized body before reading it, then the
// body. Answers API requests through the dispatcher, static files from the
// web root, and hands the connection over to an EventStreamSession or a
// WebSocketSession when it becomes one.
class HttpSession : public LiveConnection, public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<ServerState> state);
    ~HttpSession() override;

    void run();
    void shutdown() override;

private:
    using Request = boost::beast::http::request<boost::beast::http::string_body>;

    void await_request();
    void read_header();
    void on_header(boost::beast::error_code error);
    void read_body();
    void on_request(boost::beast::error_code error);
    void on_read_error(boost::beast::error_code error);

    void handle_request();
    sdk::HttpRequest sdk_request();
    void upgrade_to_websocket(sdk::HttpRequest request);
    void open_event_stream(sdk::HttpRequest request);
    sdk::HttpResponse serve_plugin_page(const std::string& path, const std::string& if_none_match) const;
    void refuse_body(sdk::HttpResponse refusal);

    // Writes the response; the connection stays open for the next request
    // only if `may_keep_alive` and the client and the server both want it.
    void reply(sdk::HttpResponse response, bool may_keep_alive = true);
    void reply_and_close(sdk::HttpResponse response) { reply(std::move(response), false); }
    void on_write(bool keep_alive, boost::beast::error_code error);
    void close();
    void linger_and_close();
    void drain_until_closed();

    // A reply callback for another thread: the response is written on this strand.
    ApiDispatcher::Reply reply_on_strand(bool may_keep_alive);

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    std::shared_ptr<ServerState> state_;
    const std::uint64_t id_;
    std::string remote_address_;

    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    std::optional<RequestTarget> target_;  // of the request being handled
    std::size_t body_limit_ = 0;           // of the request being handled
    boost::beast::http::response<boost::beast::http::empty_body> continue_;  // "100 Continue"
    bool first_request_ = true;
    bool idle_ = true;      // waiting for the next request, or for the client to close
    bool closing_ = false;  // the server shuts down: no more requests
};

}  // namespace billing::host
