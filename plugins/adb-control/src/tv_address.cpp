#include "tv_address.hpp"

#include <algorithm>

namespace adb {

std::string adb_serial(const std::string& given, unsigned short tv_port) {
    // A TV page seen by a dual-stack listener reports "::ffff:10.0.0.5".
    const bool mapped_ipv4 = given.starts_with("::ffff:") && given.find('.') != std::string::npos;
    const auto address = mapped_ipv4 ? given.substr(7) : given;
    const auto colons = std::count(address.begin(), address.end(), ':');
    if (colons == 1 || address.starts_with('[')) return address;
    if (colons > 1) return "[" + address + "]:" + std::to_string(tv_port);
    return address + ":" + std::to_string(tv_port);
}

std::optional<TvAddress> tv_address_of(const AdbConfig& config, const nlohmann::json& station, const std::string& tv_ip) {
    const auto settings = config.station(station.at("code").get<std::string>());
    if (settings.address) return TvAddress{adb_serial(*settings.address, config.tv_port), "config"};
    const auto ip = station.value("ip_address", nlohmann::json());
    if (ip.is_string() && !ip.get<std::string>().empty())
        return TvAddress{adb_serial(ip.get<std::string>(), config.tv_port), "station"};
    if (!tv_ip.empty()) return TvAddress{adb_serial(tv_ip, config.tv_port), "tv"};
    return std::nullopt;
}

}  // namespace adb
