#pragma once
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plugins/config_schema.hpp"

namespace billing::host {

// A plugin.json that cannot be used; the message names the file and field.
class ManifestError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct PluginPermission {
    std::string name;   // "<something>.<verb>", e.g. "tv.control"
    std::string label;  // shown beside the checkbox
};

// Who may see the plugin's topics starting with `prefix` on the SSE stream.
struct PluginEventRule {
    std::string prefix;      // "fixture." or an exact topic
    std::string permission;  // required to see them
};

// A validated plugin.json, read before any of the plugin's code is loaded.
struct PluginManifest {
    std::string id;  // [a-z0-9-]{2,40}
    std::string name;
    std::string version;
    std::string description;
    unsigned abi_major = 0;  // from "sdk_abi": "MAJOR.MINOR"
    unsigned abi_minor = 0;
    std::vector<std::string> required_plugins;  // "requires"
    std::vector<PluginPermission> permissions;
    ConfigSchema config_schema;
    bool default_enabled = false;
    nlohmann::json web;  // the dashboard entry {"title","path",...}, null if none
    std::vector<PluginEventRule> events;
    std::string library;  // file name beside plugin.json, default "<id>.so"
    // One call into the plugin that runs longer than this faults it
    // ("call_limit_seconds", 1..3600).
    std::chrono::seconds call_limit{60};

    std::string sdk_abi() const { return std::to_string(abi_major) + "." + std::to_string(abi_minor); }
};

// Validates a parsed plugin.json; `file` names it in every error.
PluginManifest parse_manifest(const nlohmann::json& document, const std::string& file);
// Reads and validates a plugin.json file.
PluginManifest read_manifest(const std::filesystem::path& file);

}  // namespace billing::host
