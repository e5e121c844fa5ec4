#pragma once
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace billing::test {

struct HttpResult {
    int status = 0;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;

    // The body parsed as JSON; throws std::runtime_error quoting the body if
    // it is not JSON.
    nlohmann::json json() const;
    // error.code of the API's error shape, or "" if the body has none.
    std::string error_code() const;
};

// A synchronous HTTP/1.1 client for a host on 127.0.0.1: one connection per
// request, every exchange abandoned after 10 s. Throws std::runtime_error if
// there is no answer (refused, reset, timeout).
class HttpClient {
public:
    explicit HttpClient(unsigned short port);

    unsigned short port() const { return port_; }
    // Sent as `Authorization: Bearer <token>` unless a request sets its own
    // Authorization header; "" sends none.
    void set_token(std::string token);
    const std::string& token() const { return token_; }

    HttpResult request(std::string method, std::string target, std::string body = {},
                       std::map<std::string, std::string> headers = {});
    HttpResult get(const std::string& target);
    HttpResult post(const std::string& target, const nlohmann::json& body = nlohmann::json::object());
    HttpResult put(const std::string& target, const nlohmann::json& body);
    HttpResult del(const std::string& target);

    // Sends `bytes` as they are and returns everything that comes back until
    // the server closes the connection or 10 s pass.
    std::string raw(const std::string& bytes);

private:
    unsigned short port_;
    std::string token_;
};

}  // namespace billing::test
