#pragma once
#include <filesystem>
#include <string_view>

namespace billing::host {

// The Content-Type of a static file, from its extension (case-insensitive);
// "application/octet-stream" for anything unknown.
std::string_view content_type_for(const std::filesystem::path& file);

}  // namespace billing::host
