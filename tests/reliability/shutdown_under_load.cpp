// SIGTERM while cashiers are busy: every request the host has already
// taken in is answered, the host exits 0, and every acknowledged sale is
// there after the restart.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <mutex>
#include <set>
#include <thread>

#include "database_check.hpp"
#include "support/database_integrity.hpp"
#include "raw_connection.hpp"
#include "support/eventually.hpp"
#include "support/test_support.hpp"

namespace billing::reliability {
namespace {

using nlohmann::json;
using test::HttpClient;

constexpr int kHeldRequests = 12;
constexpr int kSellingCashiers = 4;

TEST(ShutdownUnderLoad, SigtermAnswersEveryRequestInFlightAndLosesNothing) {
    test::HostProcess host;
    HttpClient admin(host.port());
    const auto token = test::admin_token(admin);
    const auto package = test::create_fixed_package(admin);
    const auto member = test::create_member(admin, "Sari", "081200000009");
    const auto purchases = "/api/v1/members/" + std::to_string(member) + "/purchases";
    const std::string body = json{{"package_id", package}, {"units", 1}}.dump();

    std::mutex mutex;
    std::set<std::int64_t> acknowledged;  // sale ids
    std::set<std::string> days;           // their business days
    auto acknowledge = [&](const json& answer) {
        std::lock_guard lock(mutex);
        acknowledged.insert(answer["sale"]["id"].get<std::int64_t>());
        days.insert(answer["sale"]["business_day"].get<std::string>());
    };

    // Requests surely in flight: the host has read their headers (it said
    // "100 Continue") and waits for the bodies, sent after the SIGTERM.
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < kHeldRequests; ++i) {
        held.push_back(std::make_unique<RawConnection>(host.port()));
        ASSERT_TRUE(held.back()->send("POST " + purchases + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
                                      "\r\nContent-Type: application/json\r\nContent-Length: " +
                                      std::to_string(body.size()) + "\r\nExpect: 100-continue\r\n\r\n"));
        ASSERT_TRUE(held.back()->read_until("100 Continue")) << held.back()->received();
    }

    // Meanwhile the load: cashiers selling as fast as they can, until the
    // host stops answering.
    std::atomic<int> answered{0};
    std::vector<std::thread> cashiers;
    for (int i = 0; i < kSellingCashiers; ++i) {
        cashiers.emplace_back([&] {
            HttpClient client(host.port());
            client.set_token(token);
            try {
                for (;;) {
                    auto result = client.post(purchases, json::parse(body));
                    ++answered;
                    if (result.status == 201) acknowledge(result.json());
                }
            } catch (const std::exception&) {
                // Refused: the host no longer accepts connections.
            }
        });
    }
    EXPECT_TRUE(test::eventually([&] { return answered >= 40; }));

    auto exit_code = std::async(std::launch::async, [&] { return host.stop(); });
    for (auto& connection : held) {
        const bool answered_whole = connection->send(body) && connection->read_response();
        const auto& answer = connection->received();
        EXPECT_TRUE(answered_whole && answer.starts_with("HTTP/1.1 201")) << answer;
        if (answered_whole && answer.starts_with("HTTP/1.1 201"))
            acknowledge(json::parse(answer.substr(answer.find("\r\n\r\n") + 4)));
    }
    EXPECT_EQ(exit_code.get(), 0) << host.log();
    for (auto& thread : cashiers) thread.join();
    EXPECT_EQ(test::integrity_check(host.data_dir() / "billing.db"), "ok\n");

    host.start();
    test::admin_token(admin);
    std::set<std::int64_t> sales;
    for (const auto& day : days)
        for (const auto& sale : all_pages(admin, "/api/v1/sales?day=" + day + "&limit=500", "sales"))
            sales.insert(sale["id"].get<std::int64_t>());
    for (auto id : acknowledged) EXPECT_TRUE(sales.contains(id)) << "acknowledged sale " << id << " is gone";
    EXPECT_GE(acknowledged.size(), static_cast<std::size_t>(kHeldRequests + 40));
}

}  // namespace
}  // namespace billing::reliability
