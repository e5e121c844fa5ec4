#pragma once
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "billing/sdk/abi.hpp"

namespace billing::sdk {

struct OutboundRequest {
    std::string method = "GET";
    std::string url;  // http:// or https:// (certificates verified)
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::chrono::milliseconds timeout{10000};
};

struct OutboundResponse {
    int status = 0;  // 0 when the request failed before an answer
    std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
    std::string body;
    std::string error;  // why it failed, empty on success
    bool ok() const { return error.empty() && status >= 200 && status < 300; }
};

// Outbound HTTP(S), asynchronous: the callback runs on the plugin's strand.
class BILLING_SDK_API HttpClient {
public:
    virtual ~HttpClient() = default;
    virtual void send(OutboundRequest request, std::function<void(OutboundResponse)> on_done) = 0;
};

}  // namespace billing::sdk
