#pragma once
#include <atomic>
#include <chrono>
#include <optional>
#include <string>

namespace adb {

// The adb program: found on disk, and asked to start its server.
class AdbLauncher {
public:
    // `program` is a path ("/usr/bin/adb") or a name looked up in PATH ("adb").
    explicit AdbLauncher(std::string program);

    // The program's full path, or nothing when it is not installed.
    std::optional<std::string> find() const;
    // Runs `adb -P <port> start-server` and waits for it (killing it after
    // `timeout` or once `cancelled` is set). Returns "" on success,
    // otherwise what went wrong.
    std::string start_server(unsigned short port, std::chrono::milliseconds timeout,
                             const std::atomic<bool>& cancelled) const;

private:
    std::string program_;
};

}  // namespace adb
