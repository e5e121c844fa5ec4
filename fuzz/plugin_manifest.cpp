// The plugin manifest parser on any text: a plugin.json is either a
// manifest or refused with a ManifestError naming the file and field. Any
// other exception escapes and libFuzzer reports it as a crash.
#include <cstddef>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "plugins/manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto document = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) return 0;
    try {
        const auto manifest = billing::host::parse_manifest(document, "fuzz/plugin.json");
        // The host fills in and checks a configuration against every schema
        // it accepted, starting from an empty one.
        const auto& schema = manifest.config_schema;
        (void)schema.validate(schema.with_defaults(nlohmann::json::object()));
    } catch (const billing::host::ManifestError&) {
    }
    return 0;
}
