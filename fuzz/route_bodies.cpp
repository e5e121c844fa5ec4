// The host's API routes on any request body: the real route handlers, as
// the router finds them, over a real SQLite database, called by the admin.
// Every answer must be 2xx or 4xx; a 5xx, an escaping exception or a
// sanitizer report is a crash.
//
// An input is "<METHOD> <target>\n<body>", the target percent-encoded as on
// the wire ("/api/v1/members?q=Budi"). A first line that names no fuzzed
// route still picks one (by its hash), its {parameters} set to 1, so every
// input reaches a handler.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <vector>


#include <billing/sdk/http.hpp>

#include "api/router.hpp"
#include "http/request_target.hpp"
#include "in_process_host.hpp"

namespace {

using billing::host::Router;

// Routes left out: backup copies the whole database to a file; restore
// takes a SQLite file, not JSON, and replaces the database; switching a
// plugin on would load its library.
bool fuzzed(const std::string& method, const std::string& pattern) {
    return pattern != "/api/v1/backup" && pattern != "/api/v1/restore" &&
           !(method == "PUT" && pattern == "/api/v1/plugins/{id}");
}

struct Target {
    std::string method, pattern;
};

struct Harness {
    Harness() {
        for (const auto& route : host.router().list())
            if (fuzzed(route.method, route.pattern)) targets.push_back({route.method, route.pattern});
    }

    // The pattern with each {parameter} set to 1.
    static std::string example_path(const std::string& pattern) {
        std::string path;
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            if (pattern[i] != '{') {
                path += pattern[i];
                continue;
            }
            path += '1';
            i = pattern.find('}', i);
        }
        return path;
    }

    billing::host::InProcessHost host;
    std::vector<Target> targets;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Harness harness;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto newline = std::min(input.find('\n'), input.size());
    const auto first_line = input.substr(0, newline);

    billing::sdk::HttpRequest request;
    request.body = std::string(input.substr(std::min(newline + 1, input.size())));
    const auto space = std::min(first_line.find(' '), first_line.size());
    request.method = std::string(first_line.substr(0, space));
    // The target decoded as the server does; one it refuses (400) picks a route as below.
    if (auto target = billing::host::parse_request_target(first_line.substr(std::min(space + 1, first_line.size())))) {
        request.path = std::move(target->path);
        request.query = std::move(target->query);
    }

    auto match = harness.host.router().match(request.method, request.path);
    if (!match.route || !fuzzed(match.route->method, match.route->pattern)) {
        const auto& chosen = harness.targets[std::hash<std::string_view>{}(first_line) % harness.targets.size()];
        request.method = chosen.method;
        request.path = Harness::example_path(chosen.pattern);
        match = harness.host.router().match(request.method, request.path);
    }
    request.path_params = match.params;
    request.headers["content-type"] = "application/json";
    request.remote_address = "127.0.0.1";
    request.user = billing::sdk::UserInfo{.id = 1, .username = "admin", .role = "admin", .permissions = {}};

    billing::sdk::HttpResponse response;
    try {
        response = match.route->handler(request);
    } catch (const billing::sdk::ApiError& error) {
        response = error.response();
    }
    harness.host.run_posted_work();
    if (response.status >= 500) {
        std::fprintf(stderr, "%s %s answered %d: %s\n", request.method.c_str(), request.path.c_str(),
                     response.status, response.body.c_str());
        std::abort();
    }
    return 0;
}
