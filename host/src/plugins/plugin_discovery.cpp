#include "plugins/plugin_discovery.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "plugins/abi_check.hpp"

namespace billing::host {

namespace {

DiscoveredPlugin read_folder(const std::filesystem::path& directory) {
    DiscoveredPlugin plugin;
    plugin.id = directory.filename().string();
    plugin.directory = directory;
    const auto file = directory / "plugin.json";
    try {
        auto manifest = read_manifest(file);
        if (manifest.id != plugin.id)
            throw ManifestError(file.string() + ": id \"" + manifest.id + "\" differs from its folder's name \"" +
                                plugin.id + "\"");
        if (auto mismatch = abi_version_incompatibility(manifest.abi_major, manifest.abi_minor, host_abi()))
            throw ManifestError(file.string() + ": sdk_abi says the plugin was " + *mismatch);
        plugin.manifest = std::move(manifest);
    } catch (const ManifestError& error) {
        plugin.error = error.what();
    }
    return plugin;
}

}  // namespace

std::vector<DiscoveredPlugin> discover_plugins(const std::filesystem::path& plugins_dir) {
    std::vector<std::filesystem::path> folders;
    std::error_code error;
    for (std::filesystem::directory_iterator it(plugins_dir, error), end; !error && it != end; it.increment(error)) {
        std::error_code ignored;
        if (it->is_directory(ignored) && std::filesystem::exists(it->path() / "plugin.json", ignored))
            folders.push_back(it->path());
    }
    if (error) {
        spdlog::warn("plugins directory {} cannot be read ({}): no plugins loaded", plugins_dir.string(),
                     error.message());
        return {};
    }
    std::sort(folders.begin(), folders.end());
    std::vector<DiscoveredPlugin> plugins;
    for (const auto& folder : folders) plugins.push_back(read_folder(folder));
    return plugins;
}

}  // namespace billing::host
