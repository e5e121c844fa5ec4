#include "api/websocket_registry.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace billing::host {
namespace {

// A connection that only records being closed.
class FakeConnection : public sdk::WebSocketConnection {
public:
    explicit FakeConnection(std::uint64_t id) : id_(id) {}
    std::uint64_t id() const override { return id_; }
    const std::string& remote_address() const override { return empty_; }
    const std::map<std::string, std::string>& query() const override { return map_; }
    const std::map<std::string, std::string>& headers() const override { return map_; }
    const std::optional<sdk::UserInfo>& user() const override { return user_; }
    void send(std::string) override {}
    void close(const std::string& reason) override {
        open_ = false;
        reason_ = reason;
    }
    bool is_open() const override { return open_; }
    const std::string& reason() const { return reason_; }

private:
    std::uint64_t id_;
    std::string empty_;
    std::map<std::string, std::string> map_;
    std::optional<sdk::UserInfo> user_;
    bool open_ = true;
    std::string reason_;
};

WebSocketEndpoint endpoint(std::string path, std::string owner) {
    WebSocketEndpoint e;
    e.path = std::move(path);
    e.owner = std::move(owner);
    e.poster = [](std::function<void()> job) { job(); };
    return e;
}

TEST(WebSocketRegistry, FindsEndpointsByExactPath) {
    WebSocketRegistry registry;
    auto id = registry.add(endpoint("/ws/tv", "tv"));
    auto found = registry.find("/ws/tv");
    ASSERT_TRUE(found.endpoint);
    EXPECT_EQ(found.endpoint_id, id);
    EXPECT_EQ(found.endpoint->owner, "tv");
    EXPECT_FALSE(registry.find("/ws/tv/").endpoint);
    EXPECT_FALSE(registry.find("/ws/t").endpoint);
}

TEST(WebSocketRegistry, RefusesTakenAndMalformedPaths) {
    WebSocketRegistry registry;
    registry.add(endpoint("/ws/tv", "tv"));
    EXPECT_THROW(registry.add(endpoint("/ws/tv", "other")), std::invalid_argument);
    EXPECT_THROW(registry.add(endpoint("/api/v1/x", "other")), std::invalid_argument);
    auto no_poster = endpoint("/ws/x", "x");
    no_poster.poster = nullptr;
    EXPECT_THROW(registry.add(no_poster), std::invalid_argument);
}

TEST(WebSocketRegistry, CountsLiveConnectionsPerOwner) {
    WebSocketRegistry registry;
    auto tv = registry.add(endpoint("/ws/tv", "tv"));
    auto one = std::make_shared<FakeConnection>(1);
    auto two = std::make_shared<FakeConnection>(2);
    registry.attach(tv, one);
    registry.attach(tv, two);
    EXPECT_EQ(registry.connection_count("tv"), 2u);
    registry.detach(tv, 1);
    EXPECT_EQ(registry.connection_count("tv"), 1u);
    two.reset();
    EXPECT_EQ(registry.connection_count("tv"), 0u);
    EXPECT_EQ(registry.connection_count("other"), 0u);
}

TEST(WebSocketRegistry, RemovingAnEndpointClosesItsConnections) {
    WebSocketRegistry registry;
    auto tv = registry.add(endpoint("/ws/tv", "tv"));
    auto kept = registry.add(endpoint("/ws/cashier", "cashier"));
    auto on_tv = std::make_shared<FakeConnection>(1);
    auto on_cashier = std::make_shared<FakeConnection>(2);
    registry.attach(tv, on_tv);
    registry.attach(kept, on_cashier);

    registry.remove(tv);
    EXPECT_FALSE(on_tv->is_open());
    EXPECT_EQ(on_tv->reason(), "endpoint removed");
    EXPECT_TRUE(on_cashier->is_open());
    EXPECT_FALSE(registry.find("/ws/tv").endpoint);
}

TEST(WebSocketRegistry, RemovingAnOwnerClosesAllItsEndpoints) {
    WebSocketRegistry registry;
    auto a = registry.add(endpoint("/ws/tv", "tv"));
    auto b = registry.add(endpoint("/ws/tv/admin", "tv"));
    auto other = registry.add(endpoint("/ws/cashier", "cashier"));
    auto on_a = std::make_shared<FakeConnection>(1);
    auto on_b = std::make_shared<FakeConnection>(2);
    auto on_other = std::make_shared<FakeConnection>(3);
    registry.attach(a, on_a);
    registry.attach(b, on_b);
    registry.attach(other, on_other);

    registry.remove_owner("tv");
    EXPECT_FALSE(on_a->is_open());
    EXPECT_FALSE(on_b->is_open());
    EXPECT_TRUE(on_other->is_open());
    EXPECT_FALSE(registry.find("/ws/tv/admin").endpoint);
    EXPECT_NO_THROW(registry.add(endpoint("/ws/tv", "tv")));
}

TEST(WebSocketRegistry, AConnectionToARemovedEndpointIsClosedOnAttach) {
    WebSocketRegistry registry;
    auto tv = registry.add(endpoint("/ws/tv", "tv"));
    registry.remove(tv);
    auto late = std::make_shared<FakeConnection>(1);
    registry.attach(tv, late);
    EXPECT_FALSE(late->is_open());
}

}  // namespace
}  // namespace billing::host
