#pragma once
#include <functional>
#include <thread>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace billing::test {

// A TCP server on 127.0.0.1 and a free port, run on its own thread, for
// tests of clients: every accepted connection is handed to `session`, a
// coroutine. Destruction stops everything still running.
class LocalServer {
public:
    using Session = std::function<boost::asio::awaitable<void>(boost::asio::ip::tcp::socket)>;

    explicit LocalServer(Session session);
    ~LocalServer();
    LocalServer(const LocalServer&) = delete;
    LocalServer& operator=(const LocalServer&) = delete;

    unsigned short port() const { return port_; }

private:
    boost::asio::awaitable<void> accept_loop();

    Session session_;
    boost::asio::io_context context_;
    boost::asio::ip::tcp::acceptor acceptor_;
    unsigned short port_;
    std::thread thread_;
};

}  // namespace billing::test
