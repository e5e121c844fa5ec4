#include "auth/user_record.hpp"

#include "core/clock.hpp"

namespace billing::host {

sdk::UserInfo UserRecord::info() const {
    return sdk::UserInfo{id, username, role, permissions, must_change_password};
}

nlohmann::json UserRecord::to_json() const {
    return {{"id", id},
            {"username", username},
            {"display_name", display_name},
            {"role", role},
            {"permissions", permissions},
            {"disabled", disabled},
            {"must_change_password", must_change_password},
            {"created_at", format_iso8601_utc(created_at_ms)},
            {"updated_at", format_iso8601_utc(updated_at_ms)}};
}

}  // namespace billing::host
