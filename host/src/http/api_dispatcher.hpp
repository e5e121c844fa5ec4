#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include <billing/sdk/http.hpp>

#include "core/poster.hpp"
#include "http/access_gate.hpp"
#include "http/http_server.hpp"

namespace billing::host {

struct Route;

// The Server-Sent Events stream: not a Router route, the connection itself
// turns into the stream once the caller is authorized.
inline constexpr std::string_view events_path = "/api/v1/events";

// Everything about an /api request that happens off the network threads:
// matching the Router (404/405), authentication and access checks, the
// handler on its route's poster (worker threads or the plugin's strand),
// turning exceptions into the error shape, and the audit trail of mutating
// requests. Replies are handed to a callback once what the request wrote is
// on the disk, on that thread or the one whose flush of the log covered it;
// the connection hops back to its strand to write.
class ApiDispatcher {
public:
    ApiDispatcher(HttpServices services, std::size_t default_body_limit);

    using Reply = std::function<void(sdk::HttpResponse)>;

    // The body limit of the route `method` `path` goes to, known from the
    // header alone so an oversized body is refused before it is read.
    std::size_t body_limit(const std::string& method, const std::string& path) const;

    // Answers a request whose path, query, headers, body and remote address
    // are filled in.
    void dispatch(sdk::HttpRequest request, Reply reply);

    // Answers with `refusal` (e.g. 413 decided by the connection), still
    // recording a mutating request in the audit trail.
    void refuse(sdk::HttpRequest request, sdk::HttpResponse refusal, Reply reply);

    // Who opens an event stream or a WebSocket and whether `access` lets
    // them; the token may also come from `?token=`.
    void authorize(sdk::Access access, sdk::HttpRequest request,
                   std::function<void(AccessGate::Decision)> done);

private:
    void answer(const Route& route, sdk::HttpRequest& request, const Reply& reply);
    sdk::HttpResponse run_handler(const Route& route, const sdk::HttpRequest& request);
    // Marks the answer not cacheable and writes the audit row of a mutating
    // request, unless the handler wrote it with its change (`audited`).
    void conclude(const std::string& action, const sdk::HttpRequest& request, sdk::HttpResponse& response,
                  bool audited);

    HttpServices services_;
    AccessGate gate_;
    Poster workers_;
    std::size_t default_body_limit_;
};

}  // namespace billing::host
