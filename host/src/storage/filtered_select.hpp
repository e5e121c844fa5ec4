#pragma once
// Included by .cpp files that talk SQL only: it pulls in SOCI.
#include <cstdint>
#include <string>

#include <soci/soci.h>

namespace billing::host {

// A SELECT whose conditions are only the filters a caller gave: each
// where() appends its SQL and binds its value in the order the
// placeholders appear. Bound values and result columns are taken by
// reference (as SOCI does): they must outlive the query.
//
//   FilteredSelect query(session, "SELECT id, at FROM audit_log WHERE 1 = 1");
//   query.where(filter.actor.has_value(), " AND actor = :actor", actor);
//   query.then(" ORDER BY id DESC LIMIT :limit", limit);
//   query.into(row.id);
//   query.into(row.at);
//   query.run();
//   while (query.fetch()) ...
class FilteredSelect {
public:
    FilteredSelect(soci::session& session, std::string select) : statement_(session), sql_(std::move(select)) {}

    template <typename T>
    void where(bool given, const char* condition, T& value) {
        if (given) then(condition, value);
    }
    // A condition without a value (" AND ended_at IS NOT NULL").
    void where(bool given, const char* condition) {
        if (given) then(condition);
    }
    // A clause that always applies (" ORDER BY id DESC LIMIT :limit").
    template <typename T>
    void then(const char* clause, T& value) {
        then(clause);
        statement_.exchange(soci::use(value));
    }
    void then(const char* clause) { sql_ += clause; }
    template <typename T>
    void into(T& column) {
        statement_.exchange(soci::into(column));
    }
    template <typename T>
    void into(T& column, soci::indicator& indicator) {
        statement_.exchange(soci::into(column, indicator));
    }

    void run() {
        statement_.alloc();
        statement_.prepare(sql_);
        statement_.define_and_bind();
        statement_.execute(false);
    }
    bool fetch() { return statement_.fetch(); }

private:
    soci::statement statement_;
    std::string sql_;
};

}  // namespace billing::host
