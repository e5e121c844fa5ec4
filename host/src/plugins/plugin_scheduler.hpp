#pragma once
#include <memory>

#include <billing/sdk/scheduler.hpp>

#include "plugins/callback_table.hpp"
#include "plugins/plugin_guard.hpp"

namespace boost::asio {
class io_context;
}

namespace billing::host {

// Work and steady-clock timers of one plugin, run on its strand and guarded.
// Every timer is tracked, so close() cancels all of them.
class PluginScheduler : public sdk::Scheduler, public std::enable_shared_from_this<PluginScheduler> {
public:
    PluginScheduler(boost::asio::io_context& context, std::shared_ptr<PluginGuard> guard);
    ~PluginScheduler() override;

    void post(std::function<void()> work) override;
    sdk::TimerId after(std::chrono::milliseconds delay, std::function<void()> work) override;
    sdk::TimerId every(std::chrono::milliseconds period, std::function<void()> work) override;
    void cancel(sdk::TimerId id) override;

    // Cancels every timer and drops posted work not yet run.
    void close();

private:
    struct Timers;
    sdk::TimerId start_timer(std::chrono::milliseconds delay, std::chrono::milliseconds period,
                             std::function<void()> work);
    void arm(sdk::TimerId id);
    void fire(sdk::TimerId id);
    void run_posted(CallbackTable<std::function<void()>>::Key key);

    const std::shared_ptr<PluginGuard> guard_;
    CallbackTable<std::function<void()>> work_;
    std::unique_ptr<Timers> timers_;
};

}  // namespace billing::host
