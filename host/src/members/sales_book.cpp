#include "members/sales_book.hpp"

#include <soci/soci.h>

#include "core/clock.hpp"
#include "storage/nullable.hpp"

namespace billing::host {

namespace {

nlohmann::json id_or_null(const std::optional<std::int64_t>& id) { return id ? nlohmann::json(*id) : nlohmann::json(nullptr); }

}  // namespace

std::int64_t record_sale(soci::session& session, const Sale& sale) {
    const long long at = sale.at, amount = sale.amount, units = sale.units;
    NullableInteger member_id(sale.member_id), package_id(sale.package_id), session_id(sale.session_id),
        station_id(sale.station_id);
    session << "INSERT INTO sales (at, business_day, kind, amount, operator, member_id, package_id, session_id, "
               "station_id, units) VALUES (:at, :business_day, :kind, :amount, :operator, :member_id, :package_id, "
               ":session_id, :station_id, :units)",
        soci::use(at), soci::use(sale.business_day), soci::use(sale.kind), soci::use(amount),
        soci::use(sale.operator_name), soci::use(member_id.value, member_id.indicator),
        soci::use(package_id.value, package_id.indicator), soci::use(session_id.value, session_id.indicator),
        soci::use(station_id.value, station_id.indicator), soci::use(units);
    long long id = 0;
    session.get_last_insert_id("sales", id);
    return id;
}

nlohmann::json sale_json(std::int64_t id, const Sale& sale) {
    return {{"id", id},
            {"at", format_iso8601_utc(sale.at)},
            {"business_day", sale.business_day},
            {"kind", sale.kind},
            {"amount", sale.amount},
            {"operator", sale.operator_name},
            {"member_id", id_or_null(sale.member_id)},
            {"package_id", id_or_null(sale.package_id)},
            {"session_id", id_or_null(sale.session_id)},
            {"station_id", id_or_null(sale.station_id)},
            {"units", sale.units}};
}

}  // namespace billing::host
