#pragma once
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "support/sse_parser.hpp"

namespace billing::test {

// A Server-Sent Events subscription to a host on 127.0.0.1, read in the
// background. The constructor returns once the response header is in (or
// throws std::runtime_error if there is none within 10 s); events are then
// collected until the server closes the stream or the client is destroyed.
class SseClient {
public:
    SseClient(unsigned short port, std::string target, std::map<std::string, std::string> headers = {});
    ~SseClient();
    SseClient(const SseClient&) = delete;
    SseClient& operator=(const SseClient&) = delete;

    int status() const;
    // The next event, waiting up to `timeout`; nullopt if none came (or the
    // stream closed with none left).
    std::optional<SseEvent> next(std::chrono::milliseconds timeout);
    // Whether a `: heartbeat` comment has arrived.
    bool saw_heartbeat() const;
    // Whether the server has ended the stream.
    bool closed() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The next event on `topic` (its data: topic, payload, source, at, seq),
// skipping others; fails the test (and returns null) if none comes in time.
nlohmann::json next_event(SseClient& events, const std::string& topic,
                          std::chrono::seconds timeout = std::chrono::seconds(10));

}  // namespace billing::test
