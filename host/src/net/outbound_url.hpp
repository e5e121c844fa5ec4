#pragma once
#include <string>

namespace billing::host {

// Where an outbound request goes, taken apart from its URL.
struct OutboundUrl {
    bool tls = false;     // https
    std::string host;     // a name or an address (IPv6 without brackets)
    unsigned short port = 0;
    std::string target;   // path and query, "/" at least
    std::string host_header() const;  // host[:port], the port only if not the scheme's default
};

// Accepts absolute http:// and https:// URLs with a host; throws
// std::invalid_argument naming the URL and what is wrong with it otherwise.
OutboundUrl parse_outbound_url(const std::string& url);

}  // namespace billing::host
