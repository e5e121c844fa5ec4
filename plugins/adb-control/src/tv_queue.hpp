#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "command.hpp"
#include "server_gate.hpp"

namespace adb {

// Retries and timeouts of one TV's commands.
struct QueuePolicy {
    unsigned short tv_port = 5555;
    std::chrono::milliseconds connect_timeout{15'000};
    int retries = 2;
    std::chrono::milliseconds retry_backoff{1000};  // doubles after each failed attempt
    std::size_t max_queue = 20;
};

// One TV's commands, run in order on a thread of the queue's own (talking
// to adb blocks; the host's strand must not). Each command gets up to
// 1 + retries attempts with doubling pauses; the TV's adb connection is
// (re)opened with host:connect when it is not known to be up. Results go to
// `report`, on the queue's thread. The destructor stops the thread: the
// command in progress ends at its next deadline or pause.
class TvQueue {
public:
    using Report = std::function<void(CommandResult)>;

    TvQueue(std::shared_ptr<ServerGate> server, QueuePolicy policy, std::string serial, Report report);
    ~TvQueue();
    TvQueue(const TvQueue&) = delete;
    TvQueue& operator=(const TvQueue&) = delete;

    // False when max_queue commands are already waiting.
    bool push(Command command);
    // The TV's address changed (or it came back on the network): reconnect
    // before the next attempt and cut a retry pause short.
    void retarget(std::string serial);
    std::string serial() const;
    // Commands waiting plus the one running.
    std::size_t length() const;

private:
    void run();
    CommandResult execute(const Command& command);
    // One attempt; throws AdbFailure.
    std::string attempt(const Command& command, const std::string& serial);
    void connect_tv(AdbServerClient& client, const std::string& serial);
    // Sleeps up to `pause` unless stopped or retargeted; returns false if stopped.
    bool pause(std::chrono::milliseconds pause);

    std::shared_ptr<ServerGate> server_;
    QueuePolicy policy_;
    Report report_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Command> waiting_;
    std::string serial_;
    bool running_command_ = false;
    bool connected_ = false;   // the adb server holds a working link to the TV
    bool retargeted_ = false;  // set by retarget(), cleared by the worker
    bool stopping_ = false;
    std::atomic<bool> cancelled_{false};  // cuts blocking waits short on stop
    std::thread thread_;  // last: started once everything above exists
};

}  // namespace adb
