#include "catalog/station_input.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>

#include <billing/sdk/http.hpp>

#include "api/json_input.hpp"
#include "catalog/ip_address.hpp"

namespace billing::host::station_input {

namespace {

using sdk::ApiError;

constexpr std::size_t max_code_length = 16;
constexpr std::size_t max_name_length = 60;
const std::array<std::string, 4> console_types = {"PS3", "PS4", "PS5", "other"};

[[noreturn]] void invalid(const std::string& field, const std::string& expectation) {
    throw ApiError(400, "invalid_field", field + " must be " + expectation);
}

bool is_code_character(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

std::string code(const nlohmann::json& body) {
    const auto expectation = "1 to " + std::to_string(max_code_length) + " letters, digits, '_' or '-' (e.g. TV01)";
    auto text = json_input::required_string(body, "code", std::numeric_limits<std::size_t>::max());
    if (text.size() > max_code_length) invalid("code", expectation + "; it has " + std::to_string(text.size()));
    if (text.empty() || !std::all_of(text.begin(), text.end(), is_code_character))
        invalid("code", expectation + ", not \"" + text + "\"");
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
    return text;
}

std::string console_type(const nlohmann::json& body) {
    auto text = json_input::required_string(body, "console_type");
    if (std::find(console_types.begin(), console_types.end(), text) == console_types.end())
        invalid("console_type", "one of PS3, PS4, PS5, other, not \"" + text + "\"");
    return text;
}

std::optional<std::int64_t> tariff_package_id(const nlohmann::json& body) {
    return json_input::optional_integer(body, "tariff_package_id", 1, std::numeric_limits<std::int64_t>::max());
}

std::optional<std::string> ip_address(const nlohmann::json& body) {
    auto text = json_input::optional_string(body, "ip_address");
    if (!text || text->empty()) return std::nullopt;
    auto canonical = canonical_ip_address(*text);
    if (!canonical) invalid("ip_address", "an IPv4 address such as 192.168.1.20 or an IPv6 address, not \"" + *text + "\"");
    return canonical;
}

bool flag(const nlohmann::json& body, const char* field, bool current) {
    return json_input::optional_bool(body, field).value_or(current);
}

}  // namespace

Station new_station(const nlohmann::json& body) {
    if (!body.is_object()) throw ApiError(400, "invalid_body", "a station must be a JSON object");
    for (const char* field : {"code", "console_type"})
        if (!body.contains(field) || body[field].is_null())
            throw ApiError(400, "missing_field", std::string(field) + " is required");
    return with_changes(Station{}, body);
}

Station with_changes(Station station, const nlohmann::json& body) {
    if (!body.is_object()) throw ApiError(400, "invalid_body", "a station must be a JSON object");
    for (const auto& item : body.items()) {
        const auto& field = item.key();
        if (field == "code") station.code = code(body);
        else if (field == "name") station.name = json_input::one_line_text(body, "name", 0, max_name_length);
        else if (field == "console_type") station.console_type = console_type(body);
        else if (field == "tariff_package_id") station.tariff_package_id = tariff_package_id(body);
        else if (field == "ip_address") station.ip_address = ip_address(body);
        else if (field == "enabled") station.enabled = flag(body, "enabled", station.enabled);
        else if (field == "maintenance") station.maintenance = flag(body, "maintenance", station.maintenance);
        else
            throw ApiError(400, "unknown_field",
                           field + " is not a station field (code, name, console_type, tariff_package_id, "
                                   "ip_address, enabled, maintenance)");
    }
    return station;
}

}  // namespace billing::host::station_input
