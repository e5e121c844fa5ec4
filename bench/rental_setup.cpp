#include "rental_setup.hpp"

#include <fmt/format.h>

#include "keep_alive_client.hpp"

namespace billing::bench {

std::int64_t create_fixed_package(KeepAliveClient& admin, const std::string& name, int minutes) {
    const nlohmann::json body = {{"name", name},       {"console_type", "any"}, {"kind", "fixed"},
                                 {"duration_minutes", minutes}, {"price", 10000}};
    return admin.call("POST", "/api/v1/packages", body, 201).at("id").get<std::int64_t>();
}

std::vector<std::int64_t> create_stations(KeepAliveClient& admin, const std::string& prefix, int count) {
    std::vector<std::int64_t> ids;
    for (int number = 1; number <= count; ++number) {
        const auto code = fmt::format("{}{:04}", prefix, number);
        const nlohmann::json body = {{"code", code}, {"name", "Bench " + code}, {"console_type", "PS4"}};
        ids.push_back(admin.call("POST", "/api/v1/stations", body, 201).at("id").get<std::int64_t>());
    }
    return ids;
}

}  // namespace billing::bench
