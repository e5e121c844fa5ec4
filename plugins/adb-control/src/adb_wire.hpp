#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

// The adb server's smart-socket protocol as plain text functions, without
// sockets (adb's SERVICES.TXT): a request is 4 hex digits of length and the
// service name; the answer starts with OKAY or FAIL, FAIL and most host
// services follow with a length-prefixed message.
namespace adb::wire {

// "host:version" -> "000chost:version". Services longer than 0xffff bytes
// cannot be framed: std::invalid_argument.
std::string frame(std::string_view service);

// The length of a 4-hex-digit prefix ("001a" -> 26), or nothing if the
// four characters are not hex digits.
std::optional<std::size_t> parse_length(std::string_view four_hex_digits);

// What a host:connect reply text says about the TV.
enum class ConnectOutcome { connected, refused, unauthorized, unknown };
// "connected to X" and "already connected to X" -> connected, "failed to
// connect to X" / "unable to connect to X" -> refused, "failed to
// authenticate to X" -> unauthorized.
ConnectOutcome classify_connect(std::string_view text);

// Whether a FAIL message from host:transport means the TV has not
// accepted this computer's key ("device unauthorized. ...").
bool says_unauthorized(std::string_view fail_message);

// The host:devices list ("serial\tstate\n"...) by serial.
std::map<std::string, std::string> parse_devices(std::string_view text);

// The screen state from `dumpsys power` (mWakefulness=Awake|Asleep|Dozing|
// Dreaming), in lower case, or nothing if the output has no such line.
std::optional<std::string> parse_wakefulness(std::string_view dumpsys_power);

}  // namespace adb::wire
