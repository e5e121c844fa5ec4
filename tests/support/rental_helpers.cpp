#include "support/rental_helpers.hpp"

#include <stdexcept>

namespace billing::test {
namespace {

// The answer's JSON when it has the expected status; an exception naming
// the request and the answer otherwise.
nlohmann::json expect_status(const HttpResult& result, int status, const std::string& what) {
    if (result.status != status)
        throw std::runtime_error(what + " answered " + std::to_string(result.status) + ": " + result.body);
    return result.json();
}

nlohmann::json merged(nlohmann::json base, const nlohmann::json& fields) {
    base.update(fields);
    return base;
}

}  // namespace

std::int64_t create_fixed_package(HttpClient& admin, const nlohmann::json& fields) {
    auto body = merged({{"name", "1 jam"}, {"console_type", "any"}, {"kind", "fixed"}, {"duration_minutes", 60},
                        {"price", 10000}},
                       fields);
    return expect_status(admin.post("/api/v1/packages", body), 201, "POST /packages")["id"].get<std::int64_t>();
}

std::int64_t create_open_package(HttpClient& admin, const nlohmann::json& fields) {
    auto body = merged({{"name", "Main bebas"}, {"console_type", "any"}, {"kind", "open"}, {"price", 6000},
                        {"rounding_minutes", 1}},
                       fields);
    return expect_status(admin.post("/api/v1/packages", body), 201, "POST /packages")["id"].get<std::int64_t>();
}

std::int64_t create_station(HttpClient& admin, const std::string& code, const nlohmann::json& fields) {
    auto body = merged({{"code", code}, {"name", "Meja " + code}, {"console_type", "PS4"}}, fields);
    return expect_status(admin.post("/api/v1/stations", body), 201, "POST /stations")["id"].get<std::int64_t>();
}

std::int64_t create_member(HttpClient& admin, const std::string& name, const std::string& phone) {
    return expect_status(admin.post("/api/v1/members", {{"name", name}, {"phone", phone}}), 201, "POST /members")["id"]
        .get<std::int64_t>();
}

nlohmann::json start_session(HttpClient& client, std::int64_t station_id, std::int64_t package_id) {
    return expect_status(client.post("/api/v1/sessions", {{"station_id", station_id}, {"package_id", package_id}}), 201,
                         "POST /sessions");
}

}  // namespace billing::test
