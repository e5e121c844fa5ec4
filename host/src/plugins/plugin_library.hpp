#pragma once
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "plugins/abi_check.hpp"

namespace billing::sdk {
class Plugin;
}

namespace billing::host {

// A plugin library that cannot be used; the message names the file and why.
class PluginLoadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A plugin object, deleted by the destroy function of its own library.
using PluginInstance = std::unique_ptr<sdk::Plugin, void (*)(sdk::Plugin*)>;

// A plugin's shared library. Loaded with RTLD_LOCAL|RTLD_NOW (plugins never
// see each other's symbols; an unresolved symbol fails now, not mid-call)
// and kept loaded until this object dies at host shutdown.
class PluginLibrary {
public:
    // Loads `file` and reads billing_plugin_abi() before anything else;
    // throws PluginLoadError if the file cannot be loaded, lacks the entry
    // points, or was built for an ABI `host` cannot run.
    PluginLibrary(const std::filesystem::path& file, const AbiInfo& host);
    ~PluginLibrary();
    PluginLibrary(const PluginLibrary&) = delete;
    PluginLibrary& operator=(const PluginLibrary&) = delete;

    const AbiInfo& abi() const;
    // A new plugin object; throws PluginLoadError if create returns null.
    PluginInstance create() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace billing::host
