#include "catalog/package.hpp"

#include "catalog/json_optional.hpp"
#include "core/time_of_day.hpp"
#include "core/clock.hpp"

namespace billing::host {

Tariff Package::tariff() const {
    Tariff tariff{.kind = is_open_play() ? Tariff::Kind::open : Tariff::Kind::fixed,
                  .duration_minutes = duration_minutes.value_or(0),
                  .price = price,
                  .night_price = night_price,
                  .rounding_minutes = rounding_minutes,
                  .minimum_charge = minimum_charge};
    // Validation stores the window only together with night_price, so an
    // unreadable time here means there is no night price to apply it to.
    if (night_price && night_from && night_until) {
        tariff.night_from_minute = minute_of_day(*night_from).value_or(0);
        tariff.night_until_minute = minute_of_day(*night_until).value_or(0);
    }
    return tariff;
}

void to_json(nlohmann::json& json, const Package& package) {
    json = {{"id", package.id},
            {"name", package.name},
            {"console_type", package.console_type},
            {"kind", package.kind},
            {"duration_minutes", value_or_null(package.duration_minutes)},
            {"price", package.price},
            {"night_price", value_or_null(package.night_price)},
            {"night_from", value_or_null(package.night_from)},
            {"night_until", value_or_null(package.night_until)},
            {"rounding_minutes", package.rounding_minutes},
            {"minimum_charge", package.minimum_charge},
            {"active", package.active},
            {"created_at", format_iso8601_utc(package.created_at)},
            {"updated_at", format_iso8601_utc(package.updated_at)}};
}

}  // namespace billing::host
