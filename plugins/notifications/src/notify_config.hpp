#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace notifications {

// Where a rule's notifications go.
struct Deliveries {
    bool dashboard = false;
    bool tv = false;
    bool whatsapp = false;
};

struct Rule {
    bool enabled = false;
    Deliveries deliver;
};

// The plugin's configuration (plugin.json's config_schema; the host has
// validated it and filled in the defaults).
struct NotifyConfig {
    Rule ending_soon;
    std::vector<int> warning_minutes;  // distinct, largest first
    Rule session_ended;
    Rule tv_offline;
    Rule adb_unauthorized;
    std::int64_t adb_repeat_ms = 0;
    Rule plugin_faulted;
    std::vector<std::string> whatsapp_numbers;  // normalised, distinct
    std::string whatsapp_plugin_id;
    std::int64_t whatsapp_queue_ms = 0;
    int tv_notice_seconds = 15;
    std::int64_t keep_ms = 0;

    // Reads a validated configuration. Entries of whatsapp_numbers that are
    // not phone numbers are left out and described in `problems` (one line
    // each, naming the entry), so the caller decides whether to refuse.
    static NotifyConfig from_json(const nlohmann::json& config, std::vector<std::string>& problems);
};

}  // namespace notifications
