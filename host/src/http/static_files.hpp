#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include <billing/sdk/http.hpp>

namespace billing::host {

// The web root (dashboard and TV page) served to GET and HEAD requests
// outside /api and /ws. Only regular files inside the root are ever
// served: dot segments, hidden files, backslashes and NULs are refused,
// and the resolved file's canonical path must stay inside the root (a
// symbolic link cannot lead out).
class StaticFiles {
public:
    // An empty or missing root serves nothing (every path is 404).
    explicit StaticFiles(const std::filesystem::path& root);

    struct Resolved {
        std::filesystem::path file;
        bool immutable = false;  // under /assets/: names carry a content hash
    };
    // Where a decoded request path leads: the file itself, a directory's
    // index.html, or the root's index.html for an unknown path whose last
    // segment has no dot (the dashboard's own routes). Nothing otherwise.
    std::optional<Resolved> resolve(const std::string& path) const;

    // The answer to a GET or HEAD of `path`: the file (streamed from
    // `file_path`) with its type and caching headers, 304 when
    // `if_none_match` names its current ETag, or 404.
    sdk::HttpResponse serve(const std::string& path, const std::string& if_none_match) const;

private:
    std::optional<std::filesystem::path> inside_root(const std::filesystem::path& candidate) const;

    std::filesystem::path root_;  // canonical; empty when nothing is served
};

}  // namespace billing::host
