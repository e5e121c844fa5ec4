#pragma once
#include <billing/sdk/bus.hpp>
#include <billing/sdk/http.hpp>

#include "notification_store.hpp"

namespace notifications {

// The notification centre's routes under /api/v1/plugins/notifications/
// (docs/protocols/notifications.md), for users with sessions.view:
//   GET  /notifications?unread=&before_id=&limit=
//   POST /notifications/{id}/read
//   POST /notifications/read-all
// Marking publishes notification.read, so the user's other dashboards follow.
void add_notification_routes(billing::sdk::HttpRoutes& routes, NotificationStore& store, billing::sdk::Bus& bus);

}  // namespace notifications
