#include "plugins/abi_check.hpp"

#include <map>

#include <billing/sdk/abi.hpp>

namespace billing::host {

namespace {

// "compiler=gcc-12;cxx11abi=1" -> {compiler: gcc-12, cxx11abi: 1}; a part
// without '=' keeps its whole text as the key.
std::map<std::string, std::string> signature_parts(const std::string& signature) {
    std::map<std::string, std::string> parts;
    std::size_t start = 0;
    while (start <= signature.size()) {
        auto end = signature.find(';', start);
        if (end == std::string::npos) end = signature.size();
        auto part = signature.substr(start, end - start);
        if (!part.empty()) {
            auto equals = part.find('=');
            if (equals == std::string::npos)
                parts[part] = "";
            else
                parts[part.substr(0, equals)] = part.substr(equals + 1);
        }
        start = end + 1;
    }
    return parts;
}

std::string describe(const std::string& key, const std::map<std::string, std::string>& parts) {
    auto it = parts.find(key);
    return key + "=" + (it == parts.end() ? std::string("(none)") : it->second);
}

void append(std::string& list, const std::string& item) { list += (list.empty() ? "" : ", ") + item; }

}  // namespace

AbiInfo host_abi() { return {BILLING_SDK_ABI_MAJOR, BILLING_SDK_ABI_MINOR, BILLING_SDK_BUILD_SIGNATURE}; }

std::optional<std::string> abi_version_incompatibility(unsigned major, unsigned minor, const AbiInfo& host) {
    auto versions = "built for SDK ABI " + std::to_string(major) + "." + std::to_string(minor) +
                    " but the host provides " + std::to_string(host.major) + "." + std::to_string(host.minor);
    if (major != host.major) return versions + " (the major version must be the same)";
    if (minor > host.minor) return versions + " (the plugin needs a newer host)";
    return std::nullopt;
}

std::optional<std::string> abi_incompatibility(const AbiInfo& plugin, const AbiInfo& host) {
    if (auto version = abi_version_incompatibility(plugin.major, plugin.minor, host)) return version;
    if (plugin.build_signature == host.build_signature) return std::nullopt;
    auto plugin_parts = signature_parts(plugin.build_signature);
    auto host_parts = signature_parts(host.build_signature);
    std::string built_with, host_has;
    auto compare = [&](const std::string& key) {
        if (plugin_parts.contains(key) && host_parts.contains(key) && plugin_parts[key] == host_parts[key]) return;
        append(built_with, describe(key, plugin_parts));
        append(host_has, describe(key, host_parts));
    };
    for (const auto& [key, value] : plugin_parts) compare(key);
    for (const auto& [key, value] : host_parts)
        if (!plugin_parts.contains(key)) compare(key);
    // The same parts in another order are the same build.
    if (built_with.empty()) return std::nullopt;
    return "built with " + built_with + " but the host has " + host_has;
}

}  // namespace billing::host
