#include "catalog/ip_address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace billing::host {

namespace {

std::optional<std::string> spelled(int family, const void* address) {
    std::array<char, INET6_ADDRSTRLEN> text{};
    if (!inet_ntop(family, address, text.data(), text.size())) return std::nullopt;
    return std::string(text.data());
}

// ::ffff:a.b.c.d — ten zero bytes, two 0xff bytes, then the IPv4 address.
bool is_mapped_ipv4(const in6_addr& address) {
    const auto* bytes = address.s6_addr;
    return std::all_of(bytes, bytes + 10, [](unsigned char b) { return b == 0; }) && bytes[10] == 0xff &&
           bytes[11] == 0xff;
}

}  // namespace

std::optional<std::string> canonical_ip_address(const std::string& text) {
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return spelled(AF_INET, &v4);
    in6_addr v6{};
    if (inet_pton(AF_INET6, text.c_str(), &v6) != 1) return std::nullopt;
    if (!is_mapped_ipv4(v6)) return spelled(AF_INET6, &v6);
    std::memcpy(&v4, &v6.s6_addr[12], sizeof v4);
    return spelled(AF_INET, &v4);
}

}  // namespace billing::host
