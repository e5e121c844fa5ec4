#include "server_watch.hpp"

#include "adb_failure.hpp"

namespace adb {

ServerWatch::ServerWatch(std::shared_ptr<ServerGate> server, std::chrono::seconds interval, Report report)
    : server_(std::move(server)), interval_(interval), report_(std::move(report)), thread_([this] { run(); }) {}

ServerWatch::~ServerWatch() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        cancelled_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void ServerWatch::refresh() {
    {
        std::lock_guard lock(mutex_);
        refresh_ = true;
    }
    wake_.notify_all();
}

void ServerWatch::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait_for(lock, interval_, [this] { return stopping_ || refresh_; });
        if (stopping_) return;
        refresh_ = false;
        lock.unlock();
        auto devices = look();
        if (!cancelled_) report_(std::move(devices));
        lock.lock();
    }
}

std::optional<ServerWatch::Devices> ServerWatch::look() {
    try {
        server_->ensure_running(false, cancelled_);
        return AdbServerClient(server_->settings().address, server_->settings().timeout, cancelled_).devices();
    } catch (const AdbFailure& failure) {
        if (failure.kind() != FailureKind::server_unavailable) server_->lost(failure.what());
        return std::nullopt;
    }
}

}  // namespace adb
