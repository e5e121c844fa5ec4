// Login, the forced first password change, token revocation and the JWT
// secret, against the real host.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <thread>

#include <sys/stat.h>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

HttpResult login(HttpClient& client, const std::string& username, const std::string& password) {
    return client.post("/api/v1/auth/login", {{"username", username}, {"password", password}});
}

HttpResult change_password(HttpClient& client, const std::string& current, const std::string& next) {
    return client.post("/api/v1/auth/password", {{"current_password", current}, {"new_password", next}});
}

// The audit entries of `action`, polled until there are `expected` (the
// trail may be written just after the answer) or 10 s have passed.
HttpResult audit_entries(HttpClient& admin, const std::string& action, std::size_t expected) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
        auto result = admin.get("/api/v1/audit?action=" + action);
        if (result.status != 200 || result.json()["entries"].size() >= expected ||
            std::chrono::steady_clock::now() > deadline)
            return result;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

int users_count(HttpClient& admin) { return static_cast<int>(admin.get("/api/v1/users").json()["users"].size()); }

TEST(AuthLogin, FirstLoginMustChangeThePasswordBeforeAnyOtherChange) {
    HostProcess host;
    HttpClient client(host.port());
    auto first = login(client, "admin", "ikbal");
    ASSERT_EQ(first.status, 200) << first.body;
    const auto session = first.json();
    EXPECT_EQ(session["user"]["username"], "admin");
    EXPECT_EQ(session["user"]["role"], "admin");
    EXPECT_EQ(session["user"]["must_change_password"], true);
    EXPECT_FALSE(session["user"].contains("password_hash"));
    EXPECT_TRUE(session["expires_at"].get<std::string>().ends_with("Z"));
    client.set_token(session["token"]);

    // Reading is allowed; every change but the password's is refused.
    EXPECT_EQ(client.get("/api/v1/auth/me").status, 200);
    EXPECT_EQ(client.get("/api/v1/users").status, 200);
    const nlohmann::json new_user = {{"username", "budi"}, {"password", "awal-budi-2026"}, {"role", "operator"}};
    for (const auto& result : {client.post("/api/v1/users", new_user),
                               client.put("/api/v1/users/1", {{"display_name", "Pemilik"}}),
                               client.del("/api/v1/users/1"),
                               client.put("/api/v1/settings", {{"shop_name", "Toko Baru"}})}) {
        EXPECT_EQ(result.status, 403) << result.body;
        EXPECT_EQ(result.error_code(), "password_change_required");
    }
    EXPECT_EQ(users_count(client), 1);
    EXPECT_EQ(client.get("/api/v1/auth/me").json()["user"]["display_name"], "Administrator");

    auto changed = change_password(client, "ikbal", kTestPassword);
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.json()["user"]["must_change_password"], false);
    client.set_token(changed.json()["token"]);
    EXPECT_EQ(client.post("/api/v1/users", new_user).status, 201);
    EXPECT_EQ(client.get("/api/v1/auth/me").json()["user"]["must_change_password"], false);
}

TEST(AuthLogin, PasswordChangeRevokesEveryOlderToken) {
    HostProcess host;
    HttpClient first(host.port()), second(host.port());
    first.set_token(login(first, "admin", "ikbal").json()["token"]);
    second.set_token(login(second, "admin", "ikbal").json()["token"]);

    auto changed = change_password(first, "ikbal", kTestPassword);
    ASSERT_EQ(changed.status, 200) << changed.body;
    for (auto* client : {&first, &second}) {
        auto me = client->get("/api/v1/auth/me");
        EXPECT_EQ(me.status, 401);
        EXPECT_EQ(me.error_code(), "unauthorized");
    }
    first.set_token(changed.json()["token"]);
    EXPECT_EQ(first.get("/api/v1/auth/me").status, 200);

    HttpClient anonymous(host.port());
    EXPECT_EQ(login(anonymous, "admin", "ikbal").error_code(), "invalid_credentials");
    EXPECT_EQ(login(anonymous, "admin", kTestPassword).status, 200);
}

TEST(AuthLogin, PasswordChangeRefusesWeakPasswordsAndAWrongCurrentOne) {
    HostProcess host;
    HttpClient client(host.port());
    client.set_token(login(client, "admin", "ikbal").json()["token"]);
    for (const char* weak : {"short", "ikbal", "admin", "ADMIN"}) {
        auto result = change_password(client, "ikbal", weak);
        EXPECT_EQ(result.status, 400) << weak;
        EXPECT_EQ(result.error_code(), "weak_password") << weak;
    }
    auto wrong = change_password(client, "not-the-password", kTestPassword);
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.error_code(), "invalid_credentials");
    // Still the first-run password, still a forced change.
    EXPECT_EQ(client.post("/api/v1/users", {{"username", "budi"}}).error_code(), "password_change_required");
    EXPECT_EQ(change_password(client, "ikbal", kTestPassword).status, 200);
}

TEST(AuthLogin, PasswordChangeRejectsBadInput) {
    HostProcess host;
    HttpClient client(host.port());
    client.set_token(login(client, "admin", "ikbal").json()["token"]);
    const std::map<std::string, std::string> json_type = {{"Content-Type", "application/json"}};
    EXPECT_EQ(client.request("POST", "/api/v1/auth/password", "{\"current_password\":", json_type).error_code(),
              "invalid_json");
    EXPECT_EQ(change_password(client, "ikbal", "").error_code(), "weak_password");
    EXPECT_EQ(client.post("/api/v1/auth/password", {{"current_password", "ikbal"}}).error_code(), "missing_field");
    EXPECT_EQ(client.post("/api/v1/auth/password", {{"current_password", "ikbal"}, {"new_password", 12345678}})
                  .error_code(),
              "invalid_field");
    EXPECT_EQ(client.post("/api/v1/auth/password",
                          {{"current_password", "ikbal"}, {"new_password", kTestPassword}, {"username", "x"}})
                  .error_code(),
              "unknown_field");
    EXPECT_EQ(client.get("/api/v1/auth/me").json()["user"]["must_change_password"], true);

    HttpClient anonymous(host.port());
    EXPECT_EQ(change_password(anonymous, "ikbal", kTestPassword).status, 401);
}

TEST(AuthLogin, UnknownUsersAndWrongPasswordsGetTheSameAnswer) {
    HostProcess host;
    HttpClient client(host.port());
    auto wrong_password = login(client, "admin", "wrong-password");
    auto unknown_user = login(client, "nobody", "wrong-password");
    EXPECT_EQ(wrong_password.status, 401);
    EXPECT_EQ(wrong_password.error_code(), "invalid_credentials");
    EXPECT_EQ(unknown_user.status, 401);
    EXPECT_EQ(unknown_user.body, wrong_password.body);
}

TEST(AuthLogin, LoginRejectsBadInput) {
    HostProcess host;
    HttpClient client(host.port());
    const std::map<std::string, std::string> json_type = {{"Content-Type", "application/json"}};
    auto expect_error = [](const HttpResult& result, int status, const std::string& code) {
        EXPECT_EQ(result.status, status) << result.body;
        EXPECT_EQ(result.error_code(), code) << result.body;
    };
    expect_error(client.request("POST", "/api/v1/auth/login", "{not json", json_type), 400, "invalid_json");
    expect_error(client.request("POST", "/api/v1/auth/login", "[]", json_type), 400, "invalid_body");
    expect_error(client.post("/api/v1/auth/login", {{"username", 5}, {"password", "ikbal"}}), 400, "invalid_field");
    expect_error(client.post("/api/v1/auth/login", {{"username", "admin"}}), 400, "missing_field");
    expect_error(client.post("/api/v1/auth/login", {{"username", "admin"}, {"password", "ikbal"}, {"remember", true}}),
                 400, "unknown_field");
    auto huge = client.post("/api/v1/auth/login", {{"username", std::string(100000, 'a')}, {"password", "ikbal"}});
    EXPECT_GE(huge.status, 400);
    EXPECT_LT(huge.status, 500);
    // None of these was a login: the right password still works at once.
    EXPECT_EQ(login(client, "admin", "ikbal").status, 200);
}

TEST(AuthLogin, OnlyIntactTokensInTheHeaderAreAccepted) {
    HostProcess host;
    HttpClient client(host.port());
    const std::string token = login(client, "admin", "ikbal").json()["token"];

    EXPECT_EQ(client.get("/api/v1/auth/me").error_code(), "unauthorized");
    // Only the event stream and WebSocket upgrades take ?token=.
    EXPECT_EQ(client.get("/api/v1/auth/me?token=" + token).status, 401);

    const auto first_dot = token.find('.');
    const auto last_dot = token.rfind('.');
    std::string tampered = token;
    tampered[first_dot + 2] = tampered[first_dot + 2] == 'A' ? 'B' : 'A';
    // {"alg":"none","typ":"JWT"} without a signature, the classic forgery.
    const std::string alg_none =
        "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0" + token.substr(first_dot, last_dot - first_dot) + ".";
    for (const auto& bad : {tampered, alg_none, token.substr(0, last_dot), token + "x", std::string("garbage")}) {
        client.set_token(bad);
        EXPECT_EQ(client.get("/api/v1/auth/me").status, 401) << bad;
    }
    client.set_token(token);
    EXPECT_EQ(client.get("/api/v1/auth/me").status, 200);
}

// A token lives 24 hours by the host's own wall clock: an hour before that
// it works, an hour after it gets 401 like any other bad token, and signing
// in again gives a fresh one. The host runs under libfaketime with its
// clock read from a file, so the test moves a day forward in no time.
TEST(AuthLogin, ATokenExpiresAfterADay) {
    if (const auto why = faketime_unusable(); !why.empty()) GTEST_SKIP() << why;
    TempDir dir;
    const auto spec = dir.path() / "faketime";
    write_faketime_spec(spec, "+0");
    HostProcess host({.environment = faketime_environment("", spec)});
    HttpClient client(host.port());
    const std::string token = admin_token(client);

    write_faketime_spec(spec, "+23h");
    EXPECT_EQ(client.get("/api/v1/auth/me").status, 200);

    write_faketime_spec(spec, "+25h");
    auto expired = client.get("/api/v1/auth/me");
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(expired.error_code(), "unauthorized");
    // The event stream checks expiry the same way as every other route.
    HttpClient anonymous(host.port());
    EXPECT_EQ(anonymous.get("/api/v1/events?token=" + token).status, 401);

    admin_token(client);
    EXPECT_EQ(client.get("/api/v1/auth/me").status, 200);
}

TEST(AuthLogin, TheJwtSecretIsPrivateAndSurvivesARestart) {
    HostProcess host;
    HttpClient client(host.port());
    const std::string token = admin_token(client);

    const auto secret_file = host.data_dir() / "jwt.secret";
    ASSERT_TRUE(std::filesystem::exists(secret_file));
    EXPECT_EQ(std::filesystem::file_size(secret_file), 32u);
    struct stat info {};
    ASSERT_EQ(::stat(secret_file.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);

    EXPECT_EQ(host.stop(), 0);
    host.start();
    EXPECT_EQ(client.get("/api/v1/auth/me").status, 200);
}

TEST(AuthLogin, RefusesToStartWithASecretOfTheWrongSize) {
    TempDir data;
    std::ofstream(data.path() / "jwt.secret") << "not 32 bytes";
    try {
        HostOptions options;
        options.data_dir = data.path();
        HostProcess host(options);
        FAIL() << "the host started with a 12-byte secret";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("jwt.secret"), std::string::npos) << error.what();
    }
    EXPECT_EQ(std::filesystem::file_size(data.path() / "jwt.secret"), 12u);
}

TEST(AuthLogin, SecretsStayOutOfTheLogAndTheAuditTrail) {
    HostProcess host;
    HttpClient client(host.port());
    login(client, "admin", "wrong-password-1");
    const std::string token = admin_token(client);

    const auto audit = audit_entries(client, "auth.login", 2);
    const auto entries = audit.json()["entries"];
    ASSERT_GE(entries.size(), 2u) << audit.body;
    bool saw_failure = false;
    for (const auto& entry : entries) {
        EXPECT_EQ(entry["target"], "user:admin");
        EXPECT_EQ(entry["actor"], "anonymous");
        saw_failure = saw_failure || entry["status"] == 401;
    }
    EXPECT_TRUE(saw_failure);
    EXPECT_EQ(audit_entries(client, "auth.password", 1).json()["entries"].size(), 1u);

    std::ifstream secret_file(host.data_dir() / "jwt.secret", std::ios::binary);
    const std::string secret((std::istreambuf_iterator<char>(secret_file)), std::istreambuf_iterator<char>());
    std::string secret_hex;
    for (unsigned char byte : secret) {
        secret_hex += "0123456789abcdef"[byte >> 4];
        secret_hex += "0123456789abcdef"[byte & 15];
    }

    const auto everything = host.log() + audit.body;
    for (const std::string& secret_text : {std::string("wrong-password-1"), kTestPassword, token, secret, secret_hex})
        EXPECT_EQ(everything.find(secret_text), std::string::npos);
}

}  // namespace
}  // namespace billing::test
