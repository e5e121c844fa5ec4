#pragma once
// Internal to the test support library: the few Asio helpers its clients
// share. Heavy headers, so only the support .cpp files include this.
#include <chrono>
#include <thread>
#include <utility>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_future.hpp>

namespace billing::test {

// How long any single client exchange may take before it is abandoned.
inline constexpr std::chrono::seconds kClientTimeout{10};

inline boost::asio::ip::tcp::endpoint loopback(unsigned short port) {
    return {boost::asio::ip::address_v4::loopback(), port};
}

// Runs a coroutine to completion on a private io_context and returns its
// result (or rethrows its exception), for the synchronous client calls.
template <class T>
T run_blocking(boost::asio::awaitable<T> task) {
    boost::asio::io_context context;
    auto result = boost::asio::co_spawn(context, std::move(task), boost::asio::use_future);
    context.run();
    return result.get();
}

// An io_context with its own thread, for the clients that keep reading in
// the background. join() lets the thread finish the work in progress and
// waits for it: whoever owns the I/O objects makes them stop (closes the
// socket) and calls join() before destroying them.
class IoThread {
public:
    IoThread() : work_(context_.get_executor()), thread_([this] { context_.run(); }) {}
    ~IoThread() { join(); }
    IoThread(const IoThread&) = delete;
    IoThread& operator=(const IoThread&) = delete;

    boost::asio::io_context& context() { return context_; }
    void join() {
        work_.reset();
        if (thread_.joinable()) thread_.join();
    }
    // Runs a coroutine on the thread and waits for its result (or exception).
    template <class T>
    T run(boost::asio::awaitable<T> task) {
        return boost::asio::co_spawn(context_, std::move(task), boost::asio::use_future).get();
    }

private:
    boost::asio::io_context context_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    std::thread thread_;
};

}  // namespace billing::test
