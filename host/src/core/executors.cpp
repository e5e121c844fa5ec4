#include "core/executors.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

namespace billing::host {

Poster Executors::worker_poster() {
    auto executor = work_.get_executor();
    return [executor](std::function<void()> job) { boost::asio::post(executor, std::move(job)); };
}

Poster Executors::make_worker_strand() {
    auto strand = boost::asio::make_strand(work_);
    return [strand](std::function<void()> job) { boost::asio::post(strand, std::move(job)); };
}

}  // namespace billing::host
