#include "support/plugin_folders.hpp"

namespace billing::test {

std::filesystem::path linked_plugins_dir(const std::filesystem::path& directory,
                                         const std::vector<std::filesystem::path>& plugin_folders) {
    std::filesystem::create_directories(directory);
    for (const auto& folder : plugin_folders)
        std::filesystem::create_directory_symlink(folder, directory / folder.filename());
    return directory;
}

}  // namespace billing::test
