#include "plugins/plugin_scheduler.hpp"

#include <map>
#include <mutex>
#include <stdexcept>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

namespace billing::host {

// The Asio timers, by the key of their work in work_. Every use of a timer
// object happens under the mutex: Asio timers are not thread-safe.
struct PluginScheduler::Timers {
    struct Timer {
        boost::asio::steady_timer timer;
        std::chrono::milliseconds period;  // zero: fires once
    };
    explicit Timers(boost::asio::io_context& io) : context(io) {}
    boost::asio::io_context& context;
    std::mutex mutex;
    std::map<sdk::TimerId, std::unique_ptr<Timer>> by_id;
};

PluginScheduler::PluginScheduler(boost::asio::io_context& context, std::shared_ptr<PluginGuard> guard)
    : guard_(std::move(guard)), timers_(std::make_unique<Timers>(context)) {}

PluginScheduler::~PluginScheduler() = default;

void PluginScheduler::post(std::function<void()> work) {
    if (guard_->closed()) throw std::logic_error("plugin " + guard_->plugin_id() + " is stopped");
    auto key = work_.add(std::move(work));
    guard_->poster()([self = weak_from_this(), key] {
        if (auto scheduler = self.lock()) scheduler->run_posted(key);
    });
}

sdk::TimerId PluginScheduler::after(std::chrono::milliseconds delay, std::function<void()> work) {
    return start_timer(delay, std::chrono::milliseconds::zero(), std::move(work));
}

sdk::TimerId PluginScheduler::every(std::chrono::milliseconds period, std::function<void()> work) {
    if (period <= std::chrono::milliseconds::zero()) throw std::invalid_argument("a timer period must be positive");
    return start_timer(period, period, std::move(work));
}

void PluginScheduler::cancel(sdk::TimerId id) {
    work_.take(id);
    // Destroying a timer also cancels it; its handler then finds the id gone.
    std::lock_guard lock(timers_->mutex);
    timers_->by_id.erase(id);
}

void PluginScheduler::close() {
    work_.take_all();
    std::lock_guard lock(timers_->mutex);
    timers_->by_id.clear();
}

sdk::TimerId PluginScheduler::start_timer(std::chrono::milliseconds delay, std::chrono::milliseconds period,
                                          std::function<void()> work) {
    if (guard_->closed()) throw std::logic_error("plugin " + guard_->plugin_id() + " is stopped");
    auto id = work_.add(std::move(work));
    {
        std::lock_guard lock(timers_->mutex);
        auto timer = std::make_unique<Timers::Timer>(Timers::Timer{boost::asio::steady_timer(timers_->context), period});
        timer->timer.expires_after(std::max(delay, std::chrono::milliseconds::zero()));
        timers_->by_id.emplace(id, std::move(timer));
    }
    arm(id);
    return id;
}

void PluginScheduler::arm(sdk::TimerId id) {
    std::lock_guard lock(timers_->mutex);
    auto it = timers_->by_id.find(id);
    if (it == timers_->by_id.end()) return;
    // The wait ends on a worker thread; the work itself goes through the
    // plugin's strand like everything else it runs.
    it->second->timer.async_wait([self = weak_from_this(), poster = guard_->poster(), id](boost::system::error_code error) {
        if (error) return;
        poster([self, id] {
            if (auto scheduler = self.lock()) scheduler->fire(id);
        });
    });
}

void PluginScheduler::fire(sdk::TimerId id) {
    auto work = work_.find(id);
    if (!work) return;
    bool periodic = false;
    {
        std::lock_guard lock(timers_->mutex);
        auto it = timers_->by_id.find(id);
        if (it == timers_->by_id.end()) return;
        auto& timer = *it->second;
        periodic = timer.period > std::chrono::milliseconds::zero();
        if (periodic) {
            // Keep the cadence from the previous deadline, but never queue up
            // missed ticks after a stall.
            auto next = timer.timer.expiry() + timer.period;
            auto now = boost::asio::steady_timer::clock_type::now();
            timer.timer.expires_at(next > now ? next : now + timer.period);
        } else {
            timers_->by_id.erase(it);
        }
    }
    if (periodic)
        arm(id);
    else
        work_.take(id);
    guard_->call(*work);
}

void PluginScheduler::run_posted(CallbackTable<std::function<void()>>::Key key) {
    auto work = work_.find(key);
    if (!work) return;
    work_.take(key);
    guard_->call(*work);
}

}  // namespace billing::host
