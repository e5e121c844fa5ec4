#include "backup/backup_routes.hpp"

#include <billing/sdk/topics.hpp>

#include "api/router.hpp"
#include "backup/backup_service.hpp"
#include "bus/event_bus.hpp"

namespace billing::host {

namespace {

constexpr std::size_t restore_body_limit = 256u * 1024 * 1024;

sdk::HttpResponse download(BackupService& backups) {
    sdk::HttpResponse response;
    response.content_type = "application/vnd.sqlite3";
    response.file_path = backups.snapshot().string();
    response.delete_file_after_send = true;
    response.headers = {
        {"Content-Disposition", "attachment; filename=\"" + BackupService::stamped_name("billing-") + "\""},
        {"Cache-Control", "no-store"},
    };
    return response;
}

}  // namespace

void register_backup_routes(Router& router, const Poster& workers, BackupService& backups, EventBus& bus,
                            std::function<void()> after_restore) {
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/backup",
                     .access = sdk::Access::admin_only(),
                     .action = "backup.download",
                     .handler = [&backups](const sdk::HttpRequest&) { return download(backups); },
                     .poster = workers});
    router.add(Route{.method = "POST",
                     .pattern = "/api/v1/restore",
                     .access = sdk::Access::admin_only(),
                     .action = "backup.restore",
                     .handler =
                         [&backups, &bus, after_restore = std::move(after_restore)](const sdk::HttpRequest& request) {
                             auto previous = backups.restore(request.body);
                             after_restore();
                             bus.publish(sdk::topics::backup_restored, {{"previous", previous}}, "host");
                             auto response = sdk::HttpResponse::ok({{"restored", true}, {"previous", previous}});
                             response.audit_target = "database";
                             response.audit_details = {{"previous", previous}};
                             return response;
                         },
                     .poster = workers,
                     .body_limit = restore_body_limit});
}

}  // namespace billing::host
