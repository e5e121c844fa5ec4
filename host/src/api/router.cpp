#include "api/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace billing::host {

namespace {

bool is_parameter(const std::string& segment) {
    return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// Splits "/a/b/c" into {"a","b","c"}; "/" gives no segments. Empty segments
// ("//", a trailing "/") are kept so that they never match a pattern.
// `path` starts with '/'.
std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> segments;
    if (path.size() == 1) return segments;
    std::size_t start = 1;
    while (true) {
        auto slash = path.find('/', start);
        segments.emplace_back(path.substr(start, slash == std::string_view::npos ? path.npos : slash - start));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return segments;
}

std::vector<std::string> parse_pattern(const std::string& pattern) {
    if (pattern.empty() || pattern.front() != '/')
        throw std::invalid_argument("route pattern '" + pattern + "' must start with '/'");
    auto segments = split_path(pattern);
    std::vector<std::string> names;
    for (const auto& segment : segments) {
        if (segment.empty())
            throw std::invalid_argument("route pattern '" + pattern + "' has an empty segment");
        bool has_brace = segment.find_first_of("{}") != std::string::npos;
        if (!has_brace) continue;
        if (!is_parameter(segment) || segment.size() < 3 || segment.find_first_of("{}", 1) != segment.size() - 1)
            throw std::invalid_argument("route pattern '" + pattern + "' has a malformed parameter '" +
                                        segment + "'");
        auto name = segment.substr(1, segment.size() - 2);
        if (std::find(names.begin(), names.end(), name) != names.end())
            throw std::invalid_argument("route pattern '" + pattern + "' repeats the parameter '" + name + "'");
        names.push_back(name);
    }
    return segments;
}

// Two patterns are the same route when they differ only in parameter names.
bool same_shape(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        bool pa = is_parameter(a[i]), pb = is_parameter(b[i]);
        if (pa != pb || (!pa && a[i] != b[i])) return false;
    }
    return true;
}

bool segments_match(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
    if (pattern.size() != path.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (is_parameter(pattern[i]) ? path[i].empty() : pattern[i] != path[i]) return false;
    }
    return true;
}

// True when `a` should win over `b` for a path both match: the host's own
// routes beat plugin routes (a plugin cannot shadow /plugins/{id}/config),
// then an exact segment beats a parameter at the first place they differ.
bool more_specific(const Route& a, const std::vector<std::string>& a_segments, const Route& b,
                   const std::vector<std::string>& b_segments) {
    bool a_host = a.owner == "host", b_host = b.owner == "host";
    if (a_host != b_host) return a_host;
    for (std::size_t i = 0; i < a_segments.size(); ++i) {
        bool pa = is_parameter(a_segments[i]), pb = is_parameter(b_segments[i]);
        if (pa != pb) return !pa;
    }
    return false;
}

}  // namespace

sdk::RouteId Router::add(Route route) {
    auto segments = parse_pattern(route.pattern);
    if (route.method.empty()) throw std::invalid_argument("route " + route.pattern + " has no method");
    if (!route.handler || !route.poster)
        throw std::invalid_argument("route " + route.method + " " + route.pattern + " has no handler or poster");
    std::unique_lock lock(mutex_);
    for (const auto& entry : entries_) {
        if (entry.route->method == route.method && same_shape(entry.segments, segments))
            throw std::invalid_argument("route " + route.method + " " + route.pattern +
                                        " is already taken by " + entry.route->owner + " (" +
                                        entry.route->pattern + ")");
    }
    auto id = next_id_++;
    entries_.push_back({id, std::move(segments), std::make_shared<const Route>(std::move(route))});
    return id;
}

void Router::remove(sdk::RouteId id) {
    std::unique_lock lock(mutex_);
    std::erase_if(entries_, [&](const Entry& entry) { return entry.id == id; });
}

void Router::remove_owner(const std::string& owner) {
    std::unique_lock lock(mutex_);
    std::erase_if(entries_, [&](const Entry& entry) { return entry.route->owner == owner; });
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
    Match result;
    if (path.empty() || path.front() != '/') return result;
    auto segments = split_path(path);
    const Entry* best = nullptr;
    std::shared_lock lock(mutex_);
    for (const auto& entry : entries_) {
        if (!segments_match(entry.segments, segments)) continue;
        if (entry.route->method != method) {
            result.path_exists = true;
            continue;
        }
        if (!best || more_specific(*entry.route, entry.segments, *best->route, best->segments)) best = &entry;
    }
    if (!best) return result;
    result.route = best->route;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& pattern_segment = best->segments[i];
        if (is_parameter(pattern_segment))
            result.params[pattern_segment.substr(1, pattern_segment.size() - 2)] = segments[i];
    }
    return result;
}

std::vector<Router::RouteInfo> Router::list() const {
    std::shared_lock lock(mutex_);
    std::vector<RouteInfo> routes;
    routes.reserve(entries_.size());
    for (const auto& entry : entries_)
        routes.push_back({entry.route->method, entry.route->pattern, entry.route->owner, entry.route->access});
    return routes;
}

}  // namespace billing::host
