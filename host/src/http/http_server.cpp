#include "http/http_server.hpp"

#include <spdlog/spdlog.h>

#include "http/listener.hpp"
#include "http/server_state.hpp"

namespace billing::host {

struct HttpServer::Impl {
    std::shared_ptr<ServerState> state;
    std::shared_ptr<Listener> listener;
};

HttpServer::HttpServer(HttpServerOptions options, HttpServices services) : impl_(std::make_shared<Impl>()) {
    impl_->state = std::make_shared<ServerState>(std::move(options), services);
}

HttpServer::~HttpServer() {
    if (impl_->listener) impl_->listener->stop();
}

unsigned short HttpServer::start() {
    impl_->listener = std::make_shared<Listener>(impl_->state);
    impl_->listener->run();
    auto port = impl_->listener->port();
    spdlog::info("HTTP server listening on {}:{}", impl_->state->options().bind_address, port);
    return port;
}

void HttpServer::shutdown(std::chrono::milliseconds grace) {
    if (impl_->listener) impl_->listener->stop();
    auto still_open = impl_->state->shut_down(grace);
    if (still_open > 0)
        spdlog::warn("{} HTTP connections were still open when the {} ms grace period ended", still_open,
                     grace.count());
}

}  // namespace billing::host
