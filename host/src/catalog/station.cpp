#include "catalog/station.hpp"

#include "catalog/json_optional.hpp"
#include "core/clock.hpp"

namespace billing::host {

void to_json(nlohmann::json& json, const Station& station) {
    json = {{"id", station.id},
            {"code", station.code},
            {"name", station.name},
            {"console_type", station.console_type},
            {"tariff_package_id", value_or_null(station.tariff_package_id)},
            {"ip_address", value_or_null(station.ip_address)},
            {"enabled", station.enabled},
            {"maintenance", station.maintenance},
            {"created_at", format_iso8601_utc(station.created_at)},
            {"updated_at", format_iso8601_utc(station.updated_at)}};
}

}  // namespace billing::host
