#include "schema.hpp"

namespace notifications {

void migrate_schema(billing::sdk::Storage& storage) {
    storage.migrate({
        {1, "notifications, read state per user, warnings given, WhatsApp queue",
         // Who may see a notification is a permission (`audience`).
         "CREATE TABLE notifications_items ("
         " id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, kind TEXT NOT NULL,"
         " severity TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,"
         " station_id INTEGER, station_code TEXT, session_id INTEGER,"
         " data TEXT NOT NULL, audience TEXT NOT NULL);"
         "CREATE INDEX notifications_items_kind_station ON notifications_items (kind, station_id, at_ms);"
         "CREATE INDEX notifications_items_at ON notifications_items (at_ms);"
         // A user has read everything up to up_to_id, plus single ones above it.
         "CREATE TABLE notifications_read_marks (user_id INTEGER PRIMARY KEY, up_to_id INTEGER NOT NULL);"
         "CREATE TABLE notifications_reads ("
         " notification_id INTEGER NOT NULL REFERENCES notifications_items (id) ON DELETE CASCADE,"
         " user_id INTEGER NOT NULL, read_at_ms INTEGER NOT NULL,"
         " PRIMARY KEY (notification_id, user_id));"
         // One row per warning given, so none is given twice (restarts included).
         "CREATE TABLE notifications_given ("
         " session_id INTEGER NOT NULL, kind TEXT NOT NULL, threshold INTEGER NOT NULL, at_ms INTEGER NOT NULL,"
         " PRIMARY KEY (session_id, kind, threshold));"
         "CREATE TABLE notifications_whatsapp_queue ("
         " id INTEGER PRIMARY KEY AUTOINCREMENT, created_at_ms INTEGER NOT NULL,"
         " to_number TEXT NOT NULL, text TEXT NOT NULL)"},
    });
}

}  // namespace notifications
