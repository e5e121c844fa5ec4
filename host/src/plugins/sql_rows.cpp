#include "plugins/sql_rows.hpp"

#include <ctime>
#include <deque>
#include <stdexcept>

#include <soci/soci.h>

#include "plugins/sqlite_rows.hpp"

namespace billing::host {

namespace {

// Binds SqlValues to a statement by position. SOCI keeps references to the
// bound variables until the statement has run, so they live here, in
// containers that never move their elements.
class ParameterBinding {
public:
    ParameterBinding(soci::statement& statement, const sdk::SqlParams& params) {
        for (const auto& param : params) std::visit([&](const auto& value) { bind(statement, value); }, param);
    }

private:
    void bind(soci::statement& statement, std::nullptr_t) {
        indicators_.push_back(soci::i_null);
        statement.exchange(soci::use(texts_.emplace_back(), indicators_.back()));
    }
    void bind(soci::statement& statement, long long value) { statement.exchange(soci::use(integers_.emplace_back(value))); }
    void bind(soci::statement& statement, double value) { statement.exchange(soci::use(reals_.emplace_back(value))); }
    void bind(soci::statement& statement, const std::string& value) {
        statement.exchange(soci::use(texts_.emplace_back(value)));
    }

    std::deque<long long> integers_;
    std::deque<double> reals_;
    std::deque<std::string> texts_;
    std::deque<soci::indicator> indicators_;
};

nlohmann::json column_value(const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) == soci::i_null) return nullptr;
    const auto& properties = row.get_properties(column);
    switch (properties.get_data_type()) {
        case soci::dt_string:
        case soci::dt_xml:
            return row.get<std::string>(column);
        case soci::dt_double:
            return row.get<double>(column);
        case soci::dt_integer:
            return row.get<int>(column);
        case soci::dt_long_long:
            return row.get<long long>(column);
        case soci::dt_unsigned_long_long:
            return row.get<unsigned long long>(column);
        case soci::dt_date: {
            auto value = row.get<std::tm>(column);
            char text[32];
            std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &value);
            return std::string(text);
        }
        case soci::dt_blob:
            break;
    }
    throw std::invalid_argument("column " + properties.get_name() + " has a type plugins cannot read (BLOB)");
}

}  // namespace

nlohmann::json query_rows(soci::session& session, const std::string& sql, const sdk::SqlParams& params) {
    // SQLite needs its own reader (see sqlite_rows.hpp); other backends
    // describe their result columns well enough for SOCI's rows.
    if (session.get_backend_name() == "sqlite3") return sqlite_query_rows(session, sql, params);
    soci::row row;
    soci::statement statement(session);
    ParameterBinding binding(statement, params);
    statement.exchange(soci::into(row));
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    auto rows = nlohmann::json::array();
    for (bool has_row = statement.execute(true); has_row; has_row = statement.fetch()) {
        auto object = nlohmann::json::object();
        for (std::size_t column = 0; column < row.size(); ++column)
            object[row.get_properties(column).get_name()] = column_value(row, column);
        rows.push_back(std::move(object));
    }
    return rows;
}

long long execute_statement(soci::session& session, const std::string& sql, const sdk::SqlParams& params) {
    soci::statement statement(session);
    ParameterBinding binding(statement, params);
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    statement.execute(true);
    return statement.get_affected_rows();
}

}  // namespace billing::host
