#pragma once
#include <filesystem>
#include <vector>

namespace billing::test {

// Creates `directory` holding a symbolic link to each of `plugin_folders`
// (built plugins: <dir>/<id>/ with plugin.json and the library) and returns
// it, so a host can run product plugins next to test fixtures.
std::filesystem::path linked_plugins_dir(const std::filesystem::path& directory,
                                         const std::vector<std::filesystem::path>& plugin_folders);

}  // namespace billing::test
