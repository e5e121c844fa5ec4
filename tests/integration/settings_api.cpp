// GET/PUT /api/v1/settings on the real host: validation, permissions,
// persistence across a restart and the settings.changed event.
#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace billing::test {
namespace {

void expect_error(const HttpResult& result, int status, const std::string& code) {
    EXPECT_EQ(result.status, status) << result.body;
    EXPECT_EQ(result.error_code(), code) << result.body;
}

const nlohmann::json kDefaults = {{"shop_name", "Rental PlayStation"},
                                  {"whatsapp_number", ""},
                                  {"time_zone", "Asia/Jakarta"},
                                  {"currency", {{"symbol", "Rp"}, {"thousands_separator", "."}}},
                                  {"business_day_start", "06:00"},
                                  {"session_warning_minutes", {5, 1}},
                                  {"session_max_pause_minutes", 10}};

TEST(SettingsApi, AdminReadsAndChangesSettingsThatSurviveARestart) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);

    auto initial = admin.get("/api/v1/settings");
    ASSERT_EQ(initial.status, 200) << initial.body;
    EXPECT_EQ(initial.json(), kDefaults);

    auto changed = admin.put("/api/v1/settings", {{"shop_name", "PS Corner Ikbal"},
                                                  {"whatsapp_number", "0812-3456-7890"},
                                                  {"time_zone", "Asia/Makassar"},
                                                  {"currency", {{"thousands_separator", ","}}},
                                                  {"business_day_start", "05:30"}});
    ASSERT_EQ(changed.status, 200) << changed.body;
    const nlohmann::json expected = {{"shop_name", "PS Corner Ikbal"},
                                     {"whatsapp_number", "6281234567890"},
                                     {"time_zone", "Asia/Makassar"},
                                     {"currency", {{"symbol", "Rp"}, {"thousands_separator", ","}}},
                                     {"business_day_start", "05:30"},
                                     {"session_warning_minutes", {5, 1}},
                                     {"session_max_pause_minutes", 10}};
    EXPECT_EQ(changed.json(), expected);
    EXPECT_EQ(admin.get("/api/v1/settings").json(), expected);

    ASSERT_EQ(host.stop(), 0) << host.log();
    host.start();
    HttpClient after_restart(host.port());
    admin_token(after_restart);
    EXPECT_EQ(after_restart.get("/api/v1/settings").json(), expected);
}

TEST(SettingsApi, BadInputIsRefusedAndChangesNothing) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);

    expect_error(admin.put("/api/v1/settings", {{"shop_name", ""}}), 400, "invalid_field");
    expect_error(admin.put("/api/v1/settings", {{"shop_name", std::string(81, 'x')}}), 400, "invalid_field");
    expect_error(admin.put("/api/v1/settings", {{"whatsapp_number", "call me"}}), 400, "invalid_field");
    expect_error(admin.put("/api/v1/settings", {{"whatsapp_number", "0812"}}), 400, "invalid_field");
    expect_error(admin.put("/api/v1/settings", {{"time_zone", "Mars/Olympus"}}), 400, "invalid_field");
    expect_error(admin.put("/api/v1/settings", {{"time_zone", "../../etc/passwd"}}), 400, "invalid_field");
    expect_error(admin.put("/api/v1/settings", {{"currency", "Rp"}}), 400, "invalid_field");
    expect_error(admin.put("/api/v1/settings", {{"currency", {{"thousands_separator", "x"}}}}), 400, "invalid_field");
    expect_error(admin.put("/api/v1/settings", {{"business_day_start", "24:00"}}), 400, "invalid_field");
    expect_error(admin.put("/api/v1/settings", {{"shop_name", "Fine"}, {"colour", "red"}}), 400, "unknown_setting");
    expect_error(admin.put("/api/v1/settings", nlohmann::json::array({1})), 400, "invalid_body");
    expect_error(admin.request("PUT", "/api/v1/settings", "{\"shop_name\":", {{"Content-Type", "application/json"}}),
                 400, "invalid_json");

    auto field = admin.put("/api/v1/settings", {{"business_day_start", "6 am"}});
    EXPECT_NE(field.json()["error"]["message"].get<std::string>().find("business_day_start"), std::string::npos)
        << field.body;
    EXPECT_EQ(admin.get("/api/v1/settings").json(), kDefaults);
}

TEST(SettingsApi, OperatorsReadButNeedSettingsManageToChange) {
    HostProcess host;
    HttpClient admin(host.port());
    admin_token(admin);
    HttpClient kasir(host.port());
    kasir.set_token(create_operator(admin, "kasir", {}));
    HttpClient manager(host.port());
    manager.set_token(create_operator(admin, "manajer", {"settings.manage"}));

    EXPECT_EQ(kasir.get("/api/v1/settings").status, 200);
    expect_error(kasir.put("/api/v1/settings", {{"shop_name", "Taken Over"}}), 403, "forbidden");
    auto by_manager = manager.put("/api/v1/settings", {{"shop_name", "Managed"}});
    EXPECT_EQ(by_manager.status, 200) << by_manager.body;
    EXPECT_EQ(kasir.get("/api/v1/settings").json()["shop_name"], "Managed");

    HttpClient anonymous(host.port());
    expect_error(anonymous.get("/api/v1/settings"), 401, "unauthorized");
    expect_error(anonymous.put("/api/v1/settings", {{"shop_name", "Anonymous"}}), 401, "unauthorized");
}

TEST(SettingsApi, ChangesAreAnnouncedOnTheEventStream) {
    HostProcess host;
    HttpClient admin(host.port());
    const auto token = admin_token(admin);
    SseClient events(host.port(), "/api/v1/events?token=" + token);
    ASSERT_EQ(events.status(), 200);

    ASSERT_EQ(admin.put("/api/v1/settings", {{"shop_name", "Live Update"}}).status, 200);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    std::optional<SseEvent> event;
    while (std::chrono::steady_clock::now() < deadline) {
        event = events.next(std::chrono::seconds(1));
        if (event && event->event == "settings.changed") break;
    }
    ASSERT_TRUE(event && event->event == "settings.changed");
    auto data = nlohmann::json::parse(event->data);
    EXPECT_EQ(data["payload"]["changed"], nlohmann::json::array({"shop_name"}));
    EXPECT_EQ(data["payload"]["settings"]["shop_name"], "Live Update");
}

}  // namespace
}  // namespace billing::test
