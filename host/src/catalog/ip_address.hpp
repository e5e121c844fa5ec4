#pragma once
#include <optional>
#include <string>

namespace billing::host {

// The one spelling of an IP address used to store and compare stations' TV
// addresses: dotted IPv4 ("192.168.1.20") or compressed lower-case IPv6
// ("fe80::1"); an IPv4 address mapped into IPv6 ("::ffff:192.168.1.20", how
// a dual-stack socket reports IPv4 peers) becomes the plain IPv4 form.
// Nothing if the text is not an address.
std::optional<std::string> canonical_ip_address(const std::string& text);

}  // namespace billing::host
