#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "support/host_process.hpp"

namespace billing::test {
namespace {

constexpr const char* kLibfaketime = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";

// This tree is built with AddressSanitizer (so is the host it starts).
constexpr bool kAddressSanitizer =
#if defined(__SANITIZE_ADDRESS__)
    true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    true;
#else
    false;
#endif
#else
    false;
#endif

}  // namespace

void write_faketime_spec(const std::filesystem::path& spec_file, const std::string& spec) {
    std::ofstream(spec_file, std::ios::trunc) << spec << "\n";
}

std::string faketime_unusable() {
    // ASan's runtime calls libfaketime's clock functions before the library
    // has initialised itself, which it answers with failures (it used to
    // deadlock: wolfcw/libfaketime#365). Whether that bites depends on the
    // machine: it passed here and failed on CI. So hosts under libfaketime
    // run in the plain build only.
    if (kAddressSanitizer) return "libfaketime does not work under AddressSanitizer (wolfcw/libfaketime#365)";
    if (!std::filesystem::exists(kLibfaketime)) return std::string(kLibfaketime) + " is missing: apt-get install faketime";
    return {};
}

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
    return environment;
}

}  // namespace billing::test
