#include "plugins/sqlite_rows.hpp"

#include <cstdint>
#include <memory>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace billing::host {

namespace {

using namespace ::sqlite_api;

// SQLITE_TRANSIENT without its C-style cast: SQLite copies the bound text.
const auto kCopyText = reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));

struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

[[noreturn]] void fail(sqlite3* connection, const std::string& what) {
    throw soci::soci_error(what + ": " + sqlite3_errmsg(connection));
}

void bind(sqlite3* connection, sqlite3_stmt* statement, int index, const sdk::SqlValue& value) {
    int result = std::visit(
        [&](const auto& v) -> int {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>)
                return sqlite3_bind_null(statement, index);
            else if constexpr (std::is_same_v<T, long long>)
                return sqlite3_bind_int64(statement, index, v);
            else if constexpr (std::is_same_v<T, double>)
                return sqlite3_bind_double(statement, index, v);
            else
                return sqlite3_bind_text(statement, index, v.data(), static_cast<int>(v.size()), kCopyText);
        },
        value);
    if (result != SQLITE_OK) fail(connection, "binding parameter " + std::to_string(index));
}

nlohmann::json column_value(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
        case SQLITE_INTEGER:
            return static_cast<long long>(sqlite3_column_int64(statement, column));
        case SQLITE_FLOAT:
            return sqlite3_column_double(statement, column);
        case SQLITE_TEXT:
            return std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, column)),
                               static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
        case SQLITE_NULL:
            return nullptr;
        default:
            throw soci::soci_error(std::string("column ") + sqlite3_column_name(statement, column) +
                                   " holds a BLOB, which plugins cannot read");
    }
}

}  // namespace

nlohmann::json sqlite_query_rows(soci::session& session, const std::string& sql, const sdk::SqlParams& params) {
    auto* connection = static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
    sqlite3_stmt* prepared = nullptr;
    if (sqlite3_prepare_v2(connection, sql.c_str(), static_cast<int>(sql.size()), &prepared, nullptr) != SQLITE_OK)
        fail(connection, "preparing \"" + sql + "\"");
    Statement statement(prepared);
    const int expected = sqlite3_bind_parameter_count(statement.get());
    if (expected != static_cast<int>(params.size()))
        throw soci::soci_error("\"" + sql + "\" has " + std::to_string(expected) + " parameters but " +
                               std::to_string(params.size()) + " values were given");
    for (std::size_t i = 0; i < params.size(); ++i) bind(connection, statement.get(), static_cast<int>(i + 1), params[i]);

    auto rows = nlohmann::json::array();
    const int columns = sqlite3_column_count(statement.get());
    while (true) {
        int result = sqlite3_step(statement.get());
        if (result == SQLITE_DONE) break;
        if (result != SQLITE_ROW) fail(connection, "running \"" + sql + "\"");
        auto row = nlohmann::json::object();
        for (int column = 0; column < columns; ++column)
            row[sqlite3_column_name(statement.get(), column)] = column_value(statement.get(), column);
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace billing::host
