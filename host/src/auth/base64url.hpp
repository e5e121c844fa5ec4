#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace billing::host::base64url {

// Base64url without padding (RFC 4648 §5), the encoding of JWT segments,
// done by libsodium.
std::string encode(std::string_view bytes);
// Nothing when `text` holds anything but a canonical base64url encoding.
std::optional<std::string> decode(std::string_view text);

}  // namespace billing::host::base64url
