#pragma once
#include <memory>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

namespace billing::host {

class ServerState;

// Accepts connections on the bind address and starts an HttpSession on its
// own strand of the network io_context for each.
class Listener : public std::enable_shared_from_this<Listener> {
public:
    // Binds and listens at once; throws std::runtime_error naming the
    // address if it cannot.
    explicit Listener(std::shared_ptr<ServerState> state);

    unsigned short port() const;
    void run();
    // Stops accepting; returns at once.
    void stop();

private:
    void accept();
    void on_accept(boost::system::error_code error, boost::asio::ip::tcp::socket socket);

    std::shared_ptr<ServerState> state_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer retry_timer_;
};

}  // namespace billing::host
