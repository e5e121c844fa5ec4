#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "plugins/manifest.hpp"

namespace billing::host {

// One folder of the plugins directory holding a plugin.json.
struct DiscoveredPlugin {
    std::string id;  // the manifest's id; the folder name if the manifest is unusable
    std::filesystem::path directory;
    std::optional<PluginManifest> manifest;  // empty when unusable
    std::string error;                       // why it is unusable
};

// Reads every <plugins_dir>/<folder>/plugin.json, in folder-name order,
// without loading any code. A manifest is unusable when it is invalid, its
// id differs from its folder's name, or its sdk_abi cannot run in this host.
// A missing or unreadable plugins directory gives an empty list (logged).
std::vector<DiscoveredPlugin> discover_plugins(const std::filesystem::path& plugins_dir);

}  // namespace billing::host
