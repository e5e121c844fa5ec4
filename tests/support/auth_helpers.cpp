#include "support/auth_helpers.hpp"

#include <mutex>
#include <set>
#include <stdexcept>

namespace billing::test {
namespace {

constexpr const char* kDefaultAdminPassword = "ikbal";

[[noreturn]] void fail(const std::string& what, const HttpResult& result) {
    throw std::runtime_error(what + " answered HTTP " + std::to_string(result.status) + ": " + result.body);
}

// Logs in; returns the login answer's JSON, or null if the password is wrong.
nlohmann::json login(HttpClient& client, const std::string& username, const std::string& password) {
    auto result = client.post("/api/v1/auth/login", {{"username", username}, {"password", password}});
    if (result.status == 401) return nullptr;
    if (result.status != 200) fail("login as " + username, result);
    return result.json();
}

// After a login: if the host demands a new password, changes it to
// kTestPassword. Returns the token that is valid afterwards.
std::string settle_password(HttpClient& client, const std::string& password, const nlohmann::json& session) {
    const std::string token = session.at("token").get<std::string>();
    if (!session.at("user").value("must_change_password", false)) return token;
    auto result = client.request("POST", "/api/v1/auth/password",
                                 nlohmann::json{{"current_password", password}, {"new_password", kTestPassword}}.dump(),
                                 {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
    if (result.status != 200) fail("password change of " + session["user"].value("username", "?"), result);
    return result.json().at("token").get<std::string>();
}

// Ports of hosts whose admin already has kTestPassword. Only a hint of
// which password to try first: every wrong guess is a failed login that
// counts towards the host's rate limit, which tests of that limit count.
std::mutex changed_mutex;
std::set<unsigned short> admin_password_changed;

}  // namespace

std::string admin_token(HttpClient& client) {
    bool changed;
    {
        std::lock_guard lock(changed_mutex);
        changed = admin_password_changed.count(client.port()) > 0;
    }
    client.set_token({});
    std::string password = changed ? kTestPassword : kDefaultAdminPassword;
    auto session = login(client, "admin", password);
    if (session.is_null()) {
        password = changed ? kDefaultAdminPassword : kTestPassword;
        session = login(client, "admin", password);
    }
    if (session.is_null()) {
        throw std::runtime_error("admin login refused with both \"ikbal\" and kTestPassword");
    }
    std::string token = settle_password(client, password, session);
    {
        std::lock_guard lock(changed_mutex);
        admin_password_changed.insert(client.port());
    }
    client.set_token(token);
    return token;
}

std::string create_operator(HttpClient& admin, const std::string& name, std::vector<std::string> permissions) {
    const std::string first_password = "awal-" + name + "-2026";
    auto created = admin.post("/api/v1/users", {{"username", name},
                                                {"password", first_password},
                                                {"role", "operator"},
                                                {"permissions", permissions},
                                                {"display_name", name}});
    if (created.status != 201) fail("creating operator " + name, created);
    HttpClient operator_client(admin.port());
    auto session = login(operator_client, name, first_password);
    if (session.is_null()) throw std::runtime_error("login as the new operator " + name + " refused");
    return settle_password(operator_client, first_password, session);
}

}  // namespace billing::test
