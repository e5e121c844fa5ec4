#pragma once
#include <billing/sdk/storage.hpp>

namespace notifications {

// Creates or upgrades the plugin's tables (all prefixed notifications_).
void migrate_schema(billing::sdk::Storage& storage);

}  // namespace notifications
