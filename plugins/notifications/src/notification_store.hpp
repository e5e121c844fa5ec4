#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <billing/sdk/storage.hpp>
#include <billing/sdk/user.hpp>
#include <nlohmann/json.hpp>

#include "notice.hpp"

namespace notifications {

// The dashboard's notifications and who has read which. A user sees the
// notifications whose audience permission they hold.
class NotificationStore {
public:
    explicit NotificationStore(billing::sdk::Storage& storage) : storage_(storage) {}

    // Stores it and returns it as the API shows it (without `read`).
    nlohmann::json add(const Notice& notice, std::int64_t at_ms);
    // Newest first: {notifications:[... with read], unread_count, next_before_id}.
    nlohmann::json page(const billing::sdk::UserInfo& user, bool unread_only, std::optional<std::int64_t> before_id,
                        int limit);
    // False if there is no such notification the user may see.
    bool mark_read(const billing::sdk::UserInfo& user, std::int64_t id, std::int64_t now_ms);
    // Marks everything the user has read; returns how many were unread.
    std::int64_t mark_all_read(const billing::sdk::UserInfo& user);
    std::int64_t unread_count(const billing::sdk::UserInfo& user);
    void prune(std::int64_t older_than_ms);

private:
    // "audience IN (...)" for the permissions the user holds, its values
    // appended to `params`.
    static std::string audience_clause(const billing::sdk::UserInfo& user, billing::sdk::SqlParams& params);
    std::int64_t read_mark(std::int64_t user_id);

    billing::sdk::Storage& storage_;
};

}  // namespace notifications
