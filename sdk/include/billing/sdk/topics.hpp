#pragma once
// Topics the host publishes. Payloads are described in docs/events.md.

namespace billing::sdk::topics {

inline constexpr const char* host_started = "host.started";
inline constexpr const char* host_stopping = "host.stopping";

inline constexpr const char* plugin_started = "plugin.started";
inline constexpr const char* plugin_stopped = "plugin.stopped";
inline constexpr const char* plugin_faulted = "plugin.faulted";
inline constexpr const char* plugin_configured = "plugin.configured";

inline constexpr const char* settings_changed = "settings.changed";

inline constexpr const char* user_created = "user.created";
inline constexpr const char* user_updated = "user.updated";
inline constexpr const char* user_deleted = "user.deleted";

inline constexpr const char* backup_restored = "backup.restored";

}  // namespace billing::sdk::topics
