#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace billing::host {

// The target of a request ("/api/v1/users/7?limit=5") split and
// percent-decoded: the path, and the query parameters ('+' is a space).
struct RequestTarget {
    std::string path;
    std::map<std::string, std::string> query;
};

// Returns nothing when the target is not an origin-form URL path, has a bad
// percent escape, or a path segment decodes to something that would change
// the path's meaning (an encoded '/' or '\', or a NUL), or a segment or query
// parameter decodes to invalid UTF-8.
std::optional<RequestTarget> parse_request_target(std::string_view target);

}  // namespace billing::host
