#pragma once
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace billing::test {

// A WebSocket connection to a host on 127.0.0.1, text messages read in the
// background. The constructor throws std::runtime_error (with the HTTP
// status and body) if the upgrade is refused or nothing answers in 10 s.
class WsClient {
public:
    WsClient(unsigned short port, std::string target, std::map<std::string, std::string> headers = {});
    ~WsClient();
    WsClient(const WsClient&) = delete;
    WsClient& operator=(const WsClient&) = delete;

    // Sends a text message; throws std::runtime_error if the connection is gone.
    void send(const std::string& text);
    // The next message, waiting up to `timeout`; nullopt if none came (or
    // the connection closed with none left).
    std::optional<std::string> receive(std::chrono::milliseconds timeout);
    // Whether the connection has ended (either side closed it, or it broke).
    bool closed();
    // Sends a normal close and waits for the connection to end.
    void close();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The HTTP status the server answers a WebSocket upgrade with: 101 if it
// accepts, the refusal's status (401, 403, 404, ...) otherwise. Throws
// std::runtime_error if nothing answers.
int ws_upgrade_status(unsigned short port, std::string target, std::map<std::string, std::string> headers = {});

}  // namespace billing::test
