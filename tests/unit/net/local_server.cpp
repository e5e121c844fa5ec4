#include "local_server.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace billing::test {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

LocalServer::LocalServer(Session session)
    : session_(std::move(session)),
      acceptor_(context_, tcp::endpoint(asio::ip::address_v4::loopback(), 0)),
      port_(acceptor_.local_endpoint().port()) {
    asio::co_spawn(context_, accept_loop(), asio::detached);
    thread_ = std::thread([this] { context_.run(); });
}

LocalServer::~LocalServer() {
    context_.stop();
    thread_.join();
}

asio::awaitable<void> LocalServer::accept_loop() {
    for (;;) {
        tcp::socket socket = co_await acceptor_.async_accept(asio::use_awaitable);
        asio::co_spawn(context_, session_(std::move(socket)), asio::detached);
    }
}

}  // namespace billing::test
