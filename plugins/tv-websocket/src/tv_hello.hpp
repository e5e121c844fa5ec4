#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace tv {

// The protocol version this plugin speaks (docs/protocols/tv-websocket.md).
inline constexpr int protocol_version = 1;

// A TV's `hello`, checked.
struct Hello {
    int protocol = 0;
    std::optional<std::string> token;
    std::string device_key;
    std::string user_agent;
};

// A message that breaks the protocol: the `error` code and message sent back.
struct ProtocolError {
    std::string code;
    std::string message;
};

// Parses one text frame into a JSON object with a string `type`.
nlohmann::json parse_message(const std::string& text);  // throws ProtocolError
Hello parse_hello(const nlohmann::json& message);       // throws ProtocolError

}  // namespace tv
