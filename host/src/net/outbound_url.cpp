#include "net/outbound_url.hpp"

#include <charconv>
#include <stdexcept>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace billing::host {
namespace {

constexpr unsigned short kHttpPort = 80;
constexpr unsigned short kHttpsPort = 443;

[[noreturn]] void reject(const std::string& url, const std::string& why) {
    throw std::invalid_argument("invalid URL \"" + url + "\": " + why);
}

}  // namespace

std::string OutboundUrl::host_header() const {
    std::string name = host.find(':') == std::string::npos ? host : "[" + host + "]";
    bool default_port = port == (tls ? kHttpsPort : kHttpPort);
    return default_port ? name : name + ":" + std::to_string(port);
}

OutboundUrl parse_outbound_url(const std::string& url) {
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed) reject(url, parsed.error().message());
    const boost::urls::url_view& view = *parsed;

    OutboundUrl result;
    if (view.scheme_id() == boost::urls::scheme::https) {
        result.tls = true;
    } else if (view.scheme_id() != boost::urls::scheme::http) {
        reject(url, "scheme \"" + std::string(view.scheme()) + "\" is not supported, only http and https");
    }
    result.host = view.host_address();
    if (result.host.empty()) reject(url, "no host");
    if (view.host_type() == boost::urls::host_type::ipvfuture) reject(url, "IPvFuture addresses are not supported");
    // Credentials in the URL would be silently dropped: refuse them instead.
    if (view.has_userinfo()) reject(url, "user:password@ is not supported, send an Authorization header");
    if (view.has_port()) {
        // port_number() wraps values over 65535 silently: check the text.
        const std::string port(view.port());
        unsigned long number = 0;
        auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
        if (port.empty() || error != std::errc() || end != port.data() + port.size() || number == 0 || number > 65535) {
            reject(url, "port \"" + port + "\" is not 1..65535");
        }
        result.port = static_cast<unsigned short>(number);
    } else {
        result.port = result.tls ? kHttpsPort : kHttpPort;
    }
    result.target = view.encoded_target();
    if (result.target.empty() || result.target.front() != '/') result.target.insert(0, "/");
    return result;
}

}  // namespace billing::host
