#pragma once
// Rows of the rental tables written straight into a test database, the way
// the catalog, members and sessions modules would leave them.
#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

#include "storage/database.hpp"
#include "storage/nullable.hpp"

namespace billing::test {

struct SessionRow {
    long long station_id = 0;
    std::string business_day;
    long long started_at = 0;
    std::optional<long long> ended_at = std::nullopt;  // empty: still running
    long long paused_ms = 0;
    std::optional<long long> member_id = std::nullopt;
};

struct SaleRow {
    std::string business_day;
    long long amount = 0;
    std::string operator_name = "kasir";
    std::string kind = "session";
    std::optional<long long> station_id = std::nullopt;
    std::optional<long long> session_id = std::nullopt;
};

struct LogRow {
    long long session_id = 0;
    long long station_id = 0;
    std::string business_day;
    std::string event = "started";
    std::string actor = "kasir";
    std::optional<long long> member_id = std::nullopt;
    std::string details = "{}";
    long long at = 0;
};

class RentalRows {
public:
    explicit RentalRows(host::Database& database) : database_(database) {}

    long long package() {
        return insert("INSERT INTO packages (name, console_type, kind, duration_minutes, price, created_at, updated_at) "
                      "VALUES ('1 jam', 'any', 'fixed', 60, 10000, 0, 0)");
    }

    long long station(const std::string& code) {
        return insert("INSERT INTO stations (code, name, console_type, created_at, updated_at) VALUES ('" + code +
                      "', '', 'PS4', 0, 0)");
    }

    long long member(const std::string& phone) {
        return insert("INSERT INTO members (name, phone, created_at, updated_at) VALUES ('Budi', '" + phone +
                      "', 0, 0)");
    }

    long long session(const SessionRow& row) {
        if (package_id_ == 0) package_id_ = package();
        return write([&](soci::session& session) {
            host::NullableInteger ended(row.ended_at), member(row.member_id);
            session << "INSERT INTO sessions (station_id, member_id, package_id, kind, payment, started_by, "
                       "business_day, started_at, paused_ms, ended_at) VALUES (:station, :member, :package, 'fixed', "
                       "'cash', 'kasir', :day, :started, :paused, :ended)",
                soci::use(row.station_id), soci::use(member.value, member.indicator), soci::use(package_id_),
                soci::use(row.business_day), soci::use(row.started_at), soci::use(row.paused_ms),
                soci::use(ended.value, ended.indicator);
        });
    }

    long long sale(const SaleRow& row) {
        return write([&](soci::session& session) {
            host::NullableInteger station(row.station_id), sold_in(row.session_id);
            session << "INSERT INTO sales (at, business_day, kind, amount, operator, station_id, session_id) "
                       "VALUES (0, :day, :kind, :amount, :operator, :station, :session)",
                soci::use(row.business_day), soci::use(row.kind), soci::use(row.amount), soci::use(row.operator_name),
                soci::use(station.value, station.indicator), soci::use(sold_in.value, sold_in.indicator);
        });
    }

    long long log_entry(const LogRow& row) {
        return write([&](soci::session& session) {
            host::NullableInteger member(row.member_id);
            session << "INSERT INTO session_log (at, business_day, session_id, station_id, member_id, event, actor, "
                       "details) VALUES (:at, :day, :session, :station, :member, :event, :actor, :details)",
                soci::use(row.at), soci::use(row.business_day), soci::use(row.session_id), soci::use(row.station_id),
                soci::use(member.value, member.indicator), soci::use(row.event), soci::use(row.actor), soci::use(row.details);
        });
    }

private:
    // Runs `insert` in a transaction and returns the new row's id.
    template <class Insert>
    long long write(Insert insert) {
        long long id = 0;
        database_.write([&](soci::session& session) {
            insert(session);
            session << "SELECT last_insert_rowid()", soci::into(id);
        });
        return id;
    }

    long long insert(const std::string& sql) {
        return write([&](soci::session& session) { session << sql; });
    }

    host::Database& database_;
    long long package_id_ = 0;
};

}  // namespace billing::test
