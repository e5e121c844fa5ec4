#pragma once
// Topics the host publishes. Payloads are described in docs/events.md.

namespace billing::sdk::topics {

inline constexpr const char* host_started = "host.started";
inline constexpr const char* host_stopping = "host.stopping";
inline constexpr const char* host_clock_jumped = "host.clock_jumped";

inline constexpr const char* plugin_started = "plugin.started";
inline constexpr const char* plugin_stopped = "plugin.stopped";
inline constexpr const char* plugin_faulted = "plugin.faulted";
inline constexpr const char* plugin_configured = "plugin.configured";

inline constexpr const char* settings_changed = "settings.changed";

inline constexpr const char* user_created = "user.created";
inline constexpr const char* user_updated = "user.updated";
inline constexpr const char* user_deleted = "user.deleted";

inline constexpr const char* backup_restored = "backup.restored";

// The rental core (since ABI 1.1).
inline constexpr const char* station_created = "station.created";
inline constexpr const char* station_updated = "station.updated";
inline constexpr const char* station_deleted = "station.deleted";
inline constexpr const char* station_tv_changed = "station.tv_changed";

inline constexpr const char* package_created = "package.created";
inline constexpr const char* package_updated = "package.updated";

inline constexpr const char* member_created = "member.created";
inline constexpr const char* member_updated = "member.updated";
inline constexpr const char* member_balance_changed = "member.balance_changed";
inline constexpr const char* member_package_bought = "member.package_bought";

inline constexpr const char* session_started = "session.started";
inline constexpr const char* session_extended = "session.extended";
inline constexpr const char* session_paused = "session.paused";
inline constexpr const char* session_resumed = "session.resumed";
inline constexpr const char* session_moved = "session.moved";
inline constexpr const char* session_ending_soon = "session.ending_soon";
inline constexpr const char* session_ended = "session.ended";

inline constexpr const char* day_closed = "day.closed";

}  // namespace billing::sdk::topics
