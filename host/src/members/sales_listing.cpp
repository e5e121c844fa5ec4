#include "members/sales_listing.hpp"

#include <limits>

#include <soci/soci.h>

#include "members/sales_book.hpp"
#include "storage/database.hpp"
#include "storage/nullable.hpp"

namespace billing::host {

nlohmann::json list_sales(Database& database, const SalesQuery& query) {
    // An absent day matches every row: one statement serves both.
    const int every_day = query.day ? 0 : 1;
    const std::string day = query.day.value_or("");
    const long long before_id = query.before_id.value_or(std::numeric_limits<long long>::max());
    // One row more than asked tells whether another page follows.
    const long long fetch = query.limit + 1;
    nlohmann::json sales = nlohmann::json::array();
    long long total_amount = 0;
    database.read([&](soci::session& session) {
        session << "SELECT COALESCE(SUM(amount), 0) FROM sales WHERE (:every_day = 1 OR business_day = :day)",
            soci::into(total_amount), soci::use(every_day), soci::use(day);
        long long id = 0, at = 0, amount = 0, units = 0;
        std::string business_day, kind, operator_name;
        NullableInteger member_id, package_id, session_id, station_id;
        soci::statement statement =
            (session.prepare << "SELECT id, at, business_day, kind, amount, operator, member_id, package_id, "
                                "session_id, station_id, units FROM sales WHERE (:every_day = 1 OR business_day = "
                                ":day) AND id < :before_id ORDER BY id DESC LIMIT :fetch",
             soci::into(id), soci::into(at), soci::into(business_day), soci::into(kind), soci::into(amount),
             soci::into(operator_name), soci::into(member_id.value, member_id.indicator),
             soci::into(package_id.value, package_id.indicator), soci::into(session_id.value, session_id.indicator),
             soci::into(station_id.value, station_id.indicator), soci::into(units), soci::use(every_day),
             soci::use(day), soci::use(before_id), soci::use(fetch));
        statement.execute();
        while (statement.fetch()) {
            sales.push_back(sale_json(id, Sale{.at = at,
                                               .business_day = business_day,
                                               .kind = kind,
                                               .amount = amount,
                                               .operator_name = operator_name,
                                               .member_id = member_id.get(),
                                               .package_id = package_id.get(),
                                               .session_id = session_id.get(),
                                               .station_id = station_id.get(),
                                               .units = units}));
        }
    });
    nlohmann::json next_before_id = nullptr;
    if (static_cast<long long>(sales.size()) == fetch) {
        sales.erase(sales.end() - 1);
        next_before_id = sales.back()["id"];
    }
    return {{"sales", sales}, {"total_amount", total_amount}, {"next_before_id", next_before_id}};
}

}  // namespace billing::host
