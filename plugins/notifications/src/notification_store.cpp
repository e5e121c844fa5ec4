#include "notification_store.hpp"

#include "wall_clock.hpp"

namespace notifications {

namespace {

using billing::sdk::SqlParams;
using billing::sdk::UserInfo;

// The permissions a notification's audience may be.
const char* const kAudiences[] = {"sessions.view", "plugins.view"};

constexpr const char* kColumns =
    "n.id, n.at_ms, n.kind, n.severity, n.title, n.body, n.station_id, n.station_code, n.session_id, n.data, "
    "n.audience";
// Whether the user has not read notification n. Its own placeholder names:
// a name used twice in one statement is one parameter to SQLite.
constexpr const char* kUnread =
    "n.id > :unread_mark AND NOT EXISTS (SELECT 1 FROM notifications_reads r"
    " WHERE r.notification_id = n.id AND r.user_id = :unread_user)";

long long sql_integer(std::int64_t value) { return static_cast<long long>(value); }

billing::sdk::SqlValue nullable(const std::optional<std::int64_t>& value) {
    if (!value) return nullptr;
    return sql_integer(*value);
}

nlohmann::json notification_json(const nlohmann::json& row) {
    auto data = nlohmann::json::parse(row.at("data").get<std::string>(), nullptr, false);
    return {{"id", row.at("id")},
            {"at", iso_utc(row.at("at_ms").get<std::int64_t>())},
            {"kind", row.at("kind")},
            {"severity", row.at("severity")},
            {"title", row.at("title")},
            {"body", row.at("body")},
            {"station_id", row.at("station_id")},
            {"station_code", row.at("station_code")},
            {"session_id", row.at("session_id")},
            {"data", data.is_discarded() ? nlohmann::json::object() : data},
            {"audience", row.at("audience")}};
}

}  // namespace

nlohmann::json NotificationStore::add(const Notice& notice, std::int64_t at_ms) {
    nlohmann::json row;
    storage_.transaction([&](billing::sdk::Storage& storage) {
        storage.execute(
            "INSERT INTO notifications_items (at_ms, kind, severity, title, body, station_id, station_code, "
            "session_id, data, audience) VALUES (:at, :kind, :severity, :title, :body, :station_id, :station_code, "
            ":session_id, :data, :audience)",
            {sql_integer(at_ms), notice.kind, notice.severity, notice.title, notice.body, nullable(notice.station_id),
             notice.station_code.empty() ? billing::sdk::SqlValue(nullptr) : notice.station_code,
             nullable(notice.session_id), notice.data.dump(), notice.audience});
        row = storage.query(std::string("SELECT ") + kColumns +
                            " FROM notifications_items n WHERE n.id = (SELECT MAX(id) FROM notifications_items)")
                  .at(0);
    });
    return notification_json(row);
}

std::string NotificationStore::audience_clause(const UserInfo& user, SqlParams& params) {
    std::string clause = "n.audience IN (";
    int count = 0;
    for (const char* audience : kAudiences) {
        if (!user.has(audience)) continue;
        if (count > 0) clause += ", ";
        clause += ":audience" + std::to_string(count++);
        params.emplace_back(std::string(audience));
    }
    // No permission at all: an empty IN list is not valid SQL everywhere.
    if (count == 0) return "1 = 0";
    return clause + ")";
}

std::int64_t NotificationStore::read_mark(std::int64_t user_id) {
    auto rows = storage_.query("SELECT up_to_id FROM notifications_read_marks WHERE user_id = :user",
                               {sql_integer(user_id)});
    return rows.empty() ? 0 : rows[0].at("up_to_id").get<std::int64_t>();
}

nlohmann::json NotificationStore::page(const UserInfo& user, bool unread_only, std::optional<std::int64_t> before_id,
                                       int limit) {
    const auto mark = read_mark(user.id);
    SqlParams params{sql_integer(mark), sql_integer(user.id)};
    std::string sql = std::string("SELECT ") + kColumns +
                      ", CASE WHEN n.id <= :mark OR EXISTS (SELECT 1 FROM notifications_reads r"
                      " WHERE r.notification_id = n.id AND r.user_id = :user) THEN 1 ELSE 0 END AS is_read"
                      " FROM notifications_items n WHERE " +
                      audience_clause(user, params);
    if (unread_only) {
        sql += std::string(" AND ") + kUnread;
        params.insert(params.end(), {sql_integer(mark), sql_integer(user.id)});
    }
    if (before_id) {
        sql += " AND n.id < :before";
        params.emplace_back(sql_integer(*before_id));
    }
    // One more than asked shows whether another page follows.
    sql += " ORDER BY n.id DESC LIMIT :limit";
    params.emplace_back(static_cast<long long>(limit) + 1);

    auto rows = storage_.query(sql, params);
    nlohmann::json list = nlohmann::json::array();
    nlohmann::json next_before_id = nullptr;
    for (const auto& row : rows) {
        if (static_cast<int>(list.size()) == limit) {
            next_before_id = list.back().at("id");
            break;
        }
        auto notification = notification_json(row);
        notification["read"] = row.at("is_read").get<long long>() == 1;
        list.push_back(std::move(notification));
    }
    return {{"notifications", list}, {"unread_count", unread_count(user)}, {"next_before_id", next_before_id}};
}

bool NotificationStore::mark_read(const UserInfo& user, std::int64_t id, std::int64_t now_ms) {
    SqlParams params{sql_integer(id)};
    const auto visible = "SELECT n.id FROM notifications_items n WHERE n.id = :id AND " + audience_clause(user, params);
    if (storage_.query(visible, params).empty()) return false;
    storage_.execute("INSERT INTO notifications_reads (notification_id, user_id, read_at_ms) VALUES (:id, :user, :at)"
                     " ON CONFLICT DO NOTHING",
                     {sql_integer(id), sql_integer(user.id), sql_integer(now_ms)});
    return true;
}

std::int64_t NotificationStore::mark_all_read(const UserInfo& user) {
    const auto unread = unread_count(user);
    storage_.transaction([&](billing::sdk::Storage& storage) {
        auto newest = storage.query("SELECT COALESCE(MAX(id), 0) AS id FROM notifications_items");
        const auto up_to = newest.at(0).at("id").get<long long>();
        storage.execute("INSERT INTO notifications_read_marks (user_id, up_to_id) VALUES (:user, :up_to)"
                        " ON CONFLICT (user_id) DO UPDATE SET up_to_id = excluded.up_to_id",
                        {sql_integer(user.id), up_to});
        // Single marks below the new mark say nothing more.
        storage.execute("DELETE FROM notifications_reads WHERE user_id = :user AND notification_id <= :up_to",
                        {sql_integer(user.id), up_to});
    });
    return unread;
}

std::int64_t NotificationStore::unread_count(const UserInfo& user) {
    SqlParams params;
    auto sql = "SELECT COUNT(*) AS n FROM notifications_items n WHERE " + audience_clause(user, params) + " AND " +
               kUnread;
    params.insert(params.end(), {sql_integer(read_mark(user.id)), sql_integer(user.id)});
    return storage_.query(sql, params).at(0).at("n").get<std::int64_t>();
}

void NotificationStore::prune(std::int64_t older_than_ms) {
    storage_.transaction([&](billing::sdk::Storage& storage) {
        storage.execute("DELETE FROM notifications_reads WHERE notification_id IN"
                        " (SELECT id FROM notifications_items WHERE at_ms < :cutoff)",
                        {sql_integer(older_than_ms)});
        storage.execute("DELETE FROM notifications_items WHERE at_ms < :cutoff", {sql_integer(older_than_ms)});
    });
}

}  // namespace notifications
