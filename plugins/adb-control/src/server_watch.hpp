#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "server_gate.hpp"

namespace adb {

// Looks at the adb server now and then on a thread of its own: its version
// and which TVs it holds (host:devices). It never starts a server (only a
// command that needs one does). Results go to `report`, on that thread:
// the devices by serial, or nothing when the server did not answer.
class ServerWatch {
public:
    using Devices = std::map<std::string, std::string>;
    using Report = std::function<void(std::optional<Devices>)>;

    ServerWatch(std::shared_ptr<ServerGate> server, std::chrono::seconds interval, Report report);
    ~ServerWatch();
    ServerWatch(const ServerWatch&) = delete;
    ServerWatch& operator=(const ServerWatch&) = delete;

    // Looks again now.
    void refresh();

private:
    void run();
    std::optional<Devices> look();

    std::shared_ptr<ServerGate> server_;
    std::chrono::seconds interval_;
    Report report_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool refresh_ = true;  // the first look happens at once
    bool stopping_ = false;
    std::atomic<bool> cancelled_{false};
    std::thread thread_;  // last: started once everything above exists
};

}  // namespace adb
