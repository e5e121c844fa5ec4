#include "tv_queue.hpp"

#include "adb_wire.hpp"

namespace adb {

namespace {

// The TV's adb link after a failure of this kind; "" when the failure says
// nothing about the TV (the server was the problem).
std::string connection_after(FailureKind kind) {
    if (kind == FailureKind::tv_unauthorized) return "unauthorized";
    if (kind == FailureKind::tv_offline) return "offline";
    return "";
}

// `am start` and `cmd` report a refusal in their output, not their status
// (the shell service has none): "Error: Activity class {...} does not exist."
std::string error_line(const std::string& output) {
    std::size_t start = 0;
    while (start < output.size()) {
        const auto end = std::min(output.find('\n', start), output.size());
        const auto line = output.substr(start, end - start);
        if (line.starts_with("Error:") || line.starts_with("Exception") || line.starts_with("java.lang."))
            return line;
        start = end + 1;
    }
    return {};
}

}  // namespace

TvQueue::TvQueue(std::shared_ptr<ServerGate> server, QueuePolicy policy, std::string serial, Report report)
    : server_(std::move(server)),
      policy_(policy),
      report_(std::move(report)),
      serial_(std::move(serial)),
      thread_([this] { run(); }) {}

TvQueue::~TvQueue() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        cancelled_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

bool TvQueue::push(Command command) {
    {
        std::lock_guard lock(mutex_);
        if (waiting_.size() >= policy_.max_queue) return false;
        waiting_.push_back(std::move(command));
    }
    wake_.notify_all();
    return true;
}

void TvQueue::retarget(std::string serial) {
    {
        std::lock_guard lock(mutex_);
        serial_ = std::move(serial);
        retargeted_ = true;
    }
    wake_.notify_all();
}

std::string TvQueue::serial() const {
    std::lock_guard lock(mutex_);
    return serial_;
}

std::size_t TvQueue::length() const {
    std::lock_guard lock(mutex_);
    return waiting_.size() + (running_command_ ? 1 : 0);
}

void TvQueue::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
        if (stopping_) return;
        auto command = std::move(waiting_.front());
        waiting_.pop_front();
        running_command_ = true;
        lock.unlock();
        auto result = execute(command);
        // Finished before it is reported, so whoever hears of it and asks
        // for the queue's length does not count it any more.
        lock.lock();
        running_command_ = false;
        lock.unlock();
        // A command cut short by stop() is not reported: nobody is listening.
        if (!cancelled_) report_(std::move(result));
        lock.lock();
    }
}

CommandResult TvQueue::execute(const Command& command) {
    CommandResult result{.command = command, .serial = serial(), .ok = false, .output = {}, .failure = {},
                         .message = {}, .attempts = 0, .connection = {}};
    auto backoff = policy_.retry_backoff;
    for (int attempt_number = 1; attempt_number <= 1 + policy_.retries; ++attempt_number) {
        result.attempts = attempt_number;
        result.serial = serial();
        try {
            result.output = attempt(command, result.serial);
            result.ok = true;
            result.failure.reset();
            result.message.clear();
            result.connection = "connected";
            return result;
        } catch (const AdbFailure& failure) {
            result.failure = failure.kind();
            result.message = failure.what();
            result.connection = connection_after(failure.kind());
            if (!worth_retrying(failure.kind()) || attempt_number > policy_.retries) break;
        }
        if (!pause(backoff)) break;
        backoff *= 2;
    }
    return result;
}

std::string TvQueue::attempt(const Command& command, const std::string& serial) {
    server_->ensure_running(true, cancelled_);
    AdbServerClient client(server_->settings().address, server_->settings().timeout, cancelled_);
    bool retargeted = false;
    {
        std::lock_guard lock(mutex_);
        std::swap(retargeted, retargeted_);
    }
    if (retargeted) connected_ = false;
    if (command.plan.reconnect) {
        client.disconnect(serial);
        connected_ = false;
    }
    if (!connected_) connect_tv(client, serial);

    std::string output;
    for (const auto& step : command.plan.steps) {
        try {
            output = client.shell(serial, step.command);
        } catch (const AdbFailure& failure) {
            // The link may be gone; host:connect again before the next try.
            if (failure.kind() != FailureKind::refused) connected_ = false;
            throw;
        }
        if (auto error = error_line(output); !error.empty())
            throw AdbFailure(FailureKind::refused, serial + " refused \"" + step.command + "\": " + error);
        if (step.pause_after.count() > 0 && !pause(step.pause_after))
            throw AdbFailure(FailureKind::timeout, "stopped in the middle of " + command.plan.action);
    }
    return output;
}

void TvQueue::connect_tv(AdbServerClient& client, const std::string& serial) {
    const auto text = client.connect(serial, policy_.connect_timeout);
    switch (wire::classify_connect(text)) {
        case wire::ConnectOutcome::connected: connected_ = true; return;
        case wire::ConnectOutcome::unauthorized: throw AdbFailure(FailureKind::tv_unauthorized, text);
        case wire::ConnectOutcome::refused: throw AdbFailure(FailureKind::tv_offline, text);
        case wire::ConnectOutcome::unknown: break;
    }
    throw AdbFailure(FailureKind::protocol, "unexpected answer to host:connect:" + serial + ": \"" + text + "\"");
}

bool TvQueue::pause(std::chrono::milliseconds pause) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, pause, [this] { return stopping_ || retargeted_; });
    return !stopping_;
}

}  // namespace adb
