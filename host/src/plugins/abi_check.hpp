#pragma once
#include <optional>
#include <string>

namespace billing::host {

// What a plugin library, or the host, was built with.
struct AbiInfo {
    unsigned major = 0;
    unsigned minor = 0;
    std::string build_signature;  // "compiler=gcc-12;cxx11abi=1;json=3.11.2"
};

// The host's own ABI, from the SDK headers it was compiled with.
AbiInfo host_abi();

// Why a plugin declaring SDK ABI `major`.`minor` cannot run in `host`: the
// major version must be equal and the minor not newer. Nothing when it can.
std::optional<std::string> abi_version_incompatibility(unsigned major, unsigned minor, const AbiInfo& host);

// The version rule above, then the build signatures, which must be equal;
// the message names each part that differs ("built with compiler=gcc-11 but
// the host has compiler=gcc-12").
std::optional<std::string> abi_incompatibility(const AbiInfo& plugin, const AbiInfo& host);

}  // namespace billing::host
