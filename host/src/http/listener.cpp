#include "http/listener.hpp"

#include <stdexcept>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/strand.hpp>
#include <spdlog/spdlog.h>

#include "core/executors.hpp"
#include "http/http_session.hpp"
#include "http/server_state.hpp"

namespace billing::host {

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

tcp::endpoint endpoint_of(const HttpServerOptions& options) {
    boost::system::error_code error;
    auto address = net::ip::make_address(options.bind_address, error);
    if (error) throw std::runtime_error("invalid bind address '" + options.bind_address + "': " + error.message());
    return {address, options.port};
}

}  // namespace

Listener::Listener(std::shared_ptr<ServerState> state)
    : state_(std::move(state)),
      acceptor_(net::make_strand(state_->services().executors.network())),
      retry_timer_(acceptor_.get_executor()) {
    auto endpoint = endpoint_of(state_->options());
    auto where = state_->options().bind_address + ":" + std::to_string(state_->options().port);
    boost::system::error_code error;
    // Each step names itself, so the message says what failed at which address.
    auto fail_if = [&](const char* step) {
        if (error) throw std::runtime_error("cannot listen on " + where + ": " + step + ": " + error.message());
    };
    acceptor_.open(endpoint.protocol(), error);
    fail_if("open");
    acceptor_.set_option(net::socket_base::reuse_address(true), error);
    fail_if("reuse_address");
    acceptor_.bind(endpoint, error);
    fail_if("bind");
    acceptor_.listen(net::socket_base::max_listen_connections, error);
    fail_if("listen");
}

unsigned short Listener::port() const { return acceptor_.local_endpoint().port(); }

void Listener::run() {
    net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] { self->accept(); });
}

void Listener::stop() {
    net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] {
        boost::system::error_code ignored;
        self->acceptor_.close(ignored);
        self->retry_timer_.cancel();
    });
}

void Listener::accept() {
    // Every connection gets its own strand: its handlers never run concurrently.
    acceptor_.async_accept(net::make_strand(state_->services().executors.network()),
                           [self = shared_from_this()](boost::system::error_code error, tcp::socket socket) {
                               self->on_accept(error, std::move(socket));
                           });
}

void Listener::on_accept(boost::system::error_code error, tcp::socket socket) {
    if (error == net::error::operation_aborted || !acceptor_.is_open()) return;
    if (error) {
        // Out of descriptors, or a connection reset before it was accepted:
        // the listener itself is fine. Retry a little later, not in a hot loop.
        spdlog::warn("accept failed: {}", error.message());
        retry_timer_.expires_after(std::chrono::milliseconds(100));
        retry_timer_.async_wait([self = shared_from_this()](boost::system::error_code wait_error) {
            if (!wait_error) self->accept();
        });
        return;
    }
    std::make_shared<HttpSession>(std::move(socket), state_)->run();
    accept();
}

}  // namespace billing::host
