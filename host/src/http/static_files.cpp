#include "http/static_files.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "http/content_types.hpp"

namespace billing::host {

namespace fs = std::filesystem;

namespace {

// True for a segment that may name a file: no traversal ("." or ".."), no
// hidden files, nothing a filesystem could read as a separator or a string end.
bool is_safe_segment(const std::string& segment) {
    return !segment.empty() && segment.front() != '.' &&
           segment.find_first_of(std::string_view("/\\\0", 3)) == std::string::npos;
}

std::string etag_of(const fs::path& file) {
    auto size = fs::file_size(file);
    auto modified = fs::last_write_time(file).time_since_epoch().count();
    return fmt::format("\"{:x}-{:x}\"", size, modified);
}

// If-None-Match holds one ETag, a comma-separated list, or "*"; weak
// validators ("W/...") compare equal for a GET.
bool etag_matches(const std::string& if_none_match, const std::string& etag) {
    if (if_none_match.empty()) return false;
    if (if_none_match.find('*') != std::string::npos) return true;
    return if_none_match.find(etag) != std::string::npos;
}

}  // namespace

StaticFiles::StaticFiles(const fs::path& root) {
    if (root.empty()) return;
    std::error_code error;
    root_ = fs::canonical(root, error);
    if (error || !fs::is_directory(root_)) {
        spdlog::warn("web root {} is not a directory; no static files are served", root.string());
        root_.clear();
    }
}

std::optional<fs::path> StaticFiles::inside_root(const fs::path& candidate) const {
    std::error_code error;
    auto canonical = fs::canonical(candidate, error);
    if (error) return std::nullopt;
    auto relative = canonical.lexically_relative(root_);
    if (relative.empty() || *relative.begin() == "..") return std::nullopt;
    return canonical;
}

std::optional<StaticFiles::Resolved> StaticFiles::resolve(const std::string& path) const {
    if (root_.empty() || path.empty() || path.front() != '/') return std::nullopt;

    fs::path candidate = root_;
    std::string last_segment;
    for (std::size_t start = 1; start <= path.size();) {
        auto slash = path.find('/', start);
        auto end = slash == std::string::npos ? path.size() : slash;
        last_segment = path.substr(start, end - start);
        // A trailing slash ("/tv/") leaves an empty last segment: the directory itself.
        bool trailing = end == path.size() && last_segment.empty();
        if (!trailing) {
            if (!is_safe_segment(last_segment)) return std::nullopt;
            candidate /= last_segment;
        }
        start = end + 1;
    }

    std::error_code error;
    if (fs::is_directory(candidate, error)) candidate /= "index.html";
    if (fs::is_regular_file(candidate, error)) {
        auto file = inside_root(candidate);
        if (!file) return std::nullopt;
        return Resolved{*file, path.starts_with("/assets/")};
    }

    // An unknown path that does not look like a file is one of the
    // single-page app's own routes: the app's index.html handles it.
    if (last_segment.find('.') != std::string::npos) return std::nullopt;
    auto index = inside_root(root_ / "index.html");
    if (!index || !fs::is_regular_file(*index, error)) return std::nullopt;
    return Resolved{*index, false};
}

sdk::HttpResponse StaticFiles::serve(const std::string& path, const std::string& if_none_match) const {
    auto resolved = resolve(path);
    if (!resolved) return sdk::HttpResponse::error(404, "not_found", "no file at " + path);

    std::string etag;
    try {
        etag = etag_of(resolved->file);
    } catch (const fs::filesystem_error&) {
        // Removed between resolve() and now.
        return sdk::HttpResponse::error(404, "not_found", "no file at " + path);
    }

    sdk::HttpResponse response;
    response.headers.emplace_back("ETag", etag);
    response.headers.emplace_back("Cache-Control",
                                  resolved->immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (etag_matches(if_none_match, etag)) {
        response.status = 304;
        response.content_type.clear();
        return response;
    }
    response.content_type = std::string(content_type_for(resolved->file));
    response.file_path = resolved->file.string();
    return response;
}

}  // namespace billing::host
