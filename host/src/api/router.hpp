#pragma once
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include <billing/sdk/http.hpp>

#include "core/poster.hpp"

namespace billing::host {

// One API route. `pattern` is a full path (`/api/v1/users/{id}`); `{name}`
// matches one non-empty segment. The handler runs through `poster`: the
// worker threads for host routes, the plugin's strand for plugin routes.
struct Route {
    std::string method;
    std::string pattern;
    sdk::Access access;
    std::string action;  // audit name, e.g. "users.create"
    sdk::RouteHandler handler;
    Poster poster;
    std::string owner = "host";
    std::size_t body_limit = 0;  // bytes; 0: the server's default
    // The handler writes the audit row of a change it made inside that
    // change's own transaction (one commit per request); the dispatcher then
    // records only refusals and errors.
    bool audits_its_changes = false;
};

// The table of API routes, changed at runtime as plugins start and stop.
class Router {
public:
    // Throws std::invalid_argument for a malformed pattern or a method and
    // pattern already taken.
    sdk::RouteId add(Route route);
    void remove(sdk::RouteId id);
    void remove_owner(const std::string& owner);

    struct Match {
        std::shared_ptr<const Route> route;  // null when nothing matched
        std::map<std::string, std::string> params;
        bool path_exists = false;  // some other method matched: 405, not 404
    };
    Match match(std::string_view method, std::string_view path) const;

    struct RouteInfo {
        std::string method, pattern, owner;
        sdk::Access access;
    };
    std::vector<RouteInfo> list() const;

private:
    struct Entry {
        sdk::RouteId id;
        std::vector<std::string> segments;
        std::shared_ptr<const Route> route;
    };
    mutable std::shared_mutex mutex_;
    sdk::RouteId next_id_ = 1;
    std::vector<Entry> entries_;
};

}  // namespace billing::host
