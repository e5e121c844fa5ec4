#include "members/member.hpp"

#include "core/clock.hpp"

namespace billing::host {

void to_json(nlohmann::json& json, const Member& member) {
    json = {{"id", member.id},
            {"name", member.name},
            {"phone", member.phone},
            {"notes", member.notes},
            {"created_at", format_iso8601_utc(member.created_at)},
            {"updated_at", format_iso8601_utc(member.updated_at)}};
}

}  // namespace billing::host
