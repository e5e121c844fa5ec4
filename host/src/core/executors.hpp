#pragma once
#include "core/poster.hpp"

namespace boost::asio {
class io_context;
}

namespace billing::host {

// The host's two thread groups. `network` threads only do socket I/O;
// `work` threads run API handlers, database calls and plugin code, so a
// slow SQLite write never stalls other connections.
class Executors {
public:
    Executors(boost::asio::io_context& network, boost::asio::io_context& work)
        : network_(network), work_(work) {}

    boost::asio::io_context& network() { return network_; }
    boost::asio::io_context& work() { return work_; }

    // Posts to the work threads, no ordering between posts.
    Poster worker_poster();
    // A new strand on the work threads: posts through it run one at a time,
    // in order.
    Poster make_worker_strand();

private:
    boost::asio::io_context& network_;
    boost::asio::io_context& work_;
};

}  // namespace billing::host
