#pragma once
#include <functional>

#include "core/poster.hpp"

namespace billing::host {

class Router;
class BackupService;
class EventBus;

// GET /api/v1/backup (admins): the live database as a download.
// POST /api/v1/restore (admins, body = a database file up to 256 MiB): swaps
// it in, then calls `after_restore` (reload what was read from the old
// database) and publishes backup.restored {previous}.
void register_backup_routes(Router& router, const Poster& workers, BackupService& backups, EventBus& bus,
                            std::function<void()> after_restore);

}  // namespace billing::host
