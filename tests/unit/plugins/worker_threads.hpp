#pragma once
// Helpers shared by the plugin tests: worker threads that can be paused,
// and polling with a generous deadline instead of timing assertions.
#include <chrono>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include "support/eventually.hpp"

namespace billing::host::plugin_test {

using billing::test::eventually;

// Two threads running an io_context; pause() holds queued work back until
// resume().
class WorkerThreads {
public:
    explicit WorkerThreads(boost::asio::io_context& context) : context_(context) { resume(); }
    ~WorkerThreads() { pause(); }
    WorkerThreads(const WorkerThreads&) = delete;
    WorkerThreads& operator=(const WorkerThreads&) = delete;

    void pause() {
        guard_.reset();
        context_.stop();
        for (auto& thread : threads_) thread.join();
        threads_.clear();
    }
    void resume() {
        context_.restart();
        guard_.emplace(context_.get_executor());
        for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { context_.run(); });
    }

private:
    boost::asio::io_context& context_;
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> guard_;
    std::vector<std::thread> threads_;
};

}  // namespace billing::host::plugin_test
