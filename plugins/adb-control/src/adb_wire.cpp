#include "adb_wire.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <stdexcept>

namespace adb::wire {

std::string frame(std::string_view service) {
    if (service.size() > 0xffff) throw std::invalid_argument("adb request longer than 65535 bytes");
    char length[5];
    std::snprintf(length, sizeof length, "%04zx", service.size());
    return std::string(length) + std::string(service);
}

std::optional<std::size_t> parse_length(std::string_view digits) {
    if (digits.size() != 4) return std::nullopt;
    std::size_t value = 0;
    for (char c : digits) {
        const auto lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        int digit = -1;
        if (lower >= '0' && lower <= '9') digit = lower - '0';
        if (lower >= 'a' && lower <= 'f') digit = lower - 'a' + 10;
        if (digit < 0) return std::nullopt;
        value = value * 16 + static_cast<std::size_t>(digit);
    }
    return value;
}

ConnectOutcome classify_connect(std::string_view text) {
    if (text.starts_with("connected to") || text.starts_with("already connected to")) return ConnectOutcome::connected;
    if (text.starts_with("failed to authenticate to")) return ConnectOutcome::unauthorized;
    if (text.starts_with("failed to connect to") || text.starts_with("unable to connect to"))
        return ConnectOutcome::refused;
    return ConnectOutcome::unknown;
}

bool says_unauthorized(std::string_view fail_message) {
    return fail_message.find("unauthorized") != std::string_view::npos;
}

std::map<std::string, std::string> parse_devices(std::string_view text) {
    std::map<std::string, std::string> devices;
    while (!text.empty()) {
        const auto end = std::min(text.find('\n'), text.size());
        const auto line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0) continue;
        auto state = line.substr(tab + 1);
        // Long listings (-l) add fields after the state.
        state = state.substr(0, std::min(state.find(' '), state.size()));
        devices[std::string(line.substr(0, tab))] = std::string(state);
    }
    return devices;
}

std::optional<std::string> parse_wakefulness(std::string_view dumpsys_power) {
    constexpr std::string_view key = "mWakefulness=";
    const auto at = dumpsys_power.find(key);
    if (at == std::string_view::npos) return std::nullopt;
    std::string value;
    for (auto i = at + key.size(); i < dumpsys_power.size() && std::isalpha(static_cast<unsigned char>(dumpsys_power[i])); ++i)
        value += static_cast<char>(std::tolower(static_cast<unsigned char>(dumpsys_power[i])));
    if (value.empty()) return std::nullopt;
    return value;
}

}  // namespace adb::wire
