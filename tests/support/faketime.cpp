#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "support/host_process.hpp"

namespace billing::test {
namespace {

constexpr const char* kLibfaketime = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";

}  // namespace

void write_faketime_spec(const std::filesystem::path& spec_file, const std::string& spec) {
    std::ofstream(spec_file, std::ios::trunc) << spec << "\n";
}

bool faketime_available() { return std::filesystem::exists(kLibfaketime); }

std::map<std::string, std::string> faketime_environment(const std::string& spec,
                                                        const std::filesystem::path& spec_file) {
    std::map<std::string, std::string> environment = {
        {"LD_PRELOAD", kLibfaketime},
        {"DONT_FAKE_MONOTONIC", "1"},
        {"TZ", "UTC"},
    };
    if (spec_file.empty()) {
        environment["FAKETIME"] = spec;
    } else {
        environment.emplace("FAKETIME_TIMESTAMP_FILE", spec_file.string());
        environment.emplace("FAKETIME_NO_CACHE", "1");
    }
    // Under AddressSanitizer the preloaded library comes before ASan's
    // runtime, which ASan refuses unless told that is intended.
    const char* asan = std::getenv("ASAN_OPTIONS");
    environment["ASAN_OPTIONS"] = std::string(asan ? asan : "") + (asan && *asan ? ":" : "") + "verify_asan_link_order=0";
    return environment;
}

}  // namespace billing::test
