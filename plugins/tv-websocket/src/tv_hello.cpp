#include "tv_hello.hpp"

#include <algorithm>

#include "json_text.hpp"

namespace tv {

namespace {

[[noreturn]] void malformed(const std::string& message) { throw ProtocolError{"malformed_message", message}; }

bool is_device_key(const std::string& key) {
    return key.size() >= 16 && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                      c == '-';
           });
}

}  // namespace

nlohmann::json parse_message(const std::string& text) {
    auto message = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (message.is_discarded()) malformed("the message is not JSON");
    if (!message.is_object()) malformed("a message is a JSON object");
    if (!message.contains("type") || !message["type"].is_string()) malformed("a message needs a string \"type\"");
    return message;
}

Hello parse_hello(const nlohmann::json& message) {
    Hello hello;
    if (!message.contains("protocol") || !message["protocol"].is_number_integer())
        malformed("hello needs an integer \"protocol\"");
    hello.protocol = message["protocol"].get<int>();
    if (hello.protocol != protocol_version)
        throw ProtocolError{"protocol_unsupported",
                            "protocol " + std::to_string(hello.protocol) + " is not supported; this server speaks " +
                                std::to_string(protocol_version)};
    if (message.contains("token") && !message["token"].is_null()) {
        if (!message["token"].is_string() || message["token"].get<std::string>().size() > 200)
            malformed("\"token\" must be a string or null");
        hello.token = message["token"].get<std::string>();
    }
    if (!message.contains("device_key") || !message["device_key"].is_string() ||
        !is_device_key(message["device_key"].get<std::string>()))
        malformed("\"device_key\" must be 16 to 64 characters of A-Z, a-z, 0-9, _ and -");
    hello.device_key = message["device_key"].get<std::string>();
    if (message.contains("device") && message["device"].is_object()) {
        const auto& agent = message["device"].value("user_agent", nlohmann::json());
        if (agent.is_string()) hello.user_agent = utf8_prefix(agent.get<std::string>(), 300);
    }
    return hello;
}

}  // namespace tv
