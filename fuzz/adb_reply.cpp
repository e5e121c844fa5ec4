// The adb-control plugin's parsers of what the adb server answers (adb_wire):
// a length prefix, the text of host:connect and of a FAIL, the host:devices
// list and `dumpsys power`. Any answer gives a result, never a crash.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "adb_wire.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view reply(reinterpret_cast<const char*>(data), size);
    (void)adb::wire::parse_length(reply.substr(0, 4));
    (void)adb::wire::classify_connect(reply);
    (void)adb::wire::says_unauthorized(reply);
    (void)adb::wire::parse_devices(reply);
    (void)adb::wire::parse_wakefulness(reply);
    // A reply quoted back in a request (a serial from the devices list) is framed or refused.
    try {
        (void)adb::wire::frame(reply);
    } catch (const std::invalid_argument&) {
    }
    return 0;
}
