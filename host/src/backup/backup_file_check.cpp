#include "backup/backup_file_check.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <billing/sdk/http.hpp>

#include "storage/migrator.hpp"

// A backup is an SQLite file by definition, so it is checked with SQLite's
// own C API, outside the pooled SOCI sessions of the live database.
namespace billing::host {

namespace {

[[noreturn]] void invalid(const std::string& reason) { throw sdk::ApiError(400, "invalid_backup", reason); }

struct ConnectionCloser {
    void operator()(sqlite3* connection) const { sqlite3_close(connection); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

// The first column of every row `sql` returns, as text (NULL as "").
std::vector<std::string> column_values(sqlite3* connection, const char* sql) {
    std::vector<std::string> values;
    auto collect = [](void* out, int columns, char** texts, char**) {
        if (columns > 0) static_cast<std::vector<std::string>*>(out)->emplace_back(texts[0] ? texts[0] : "");
        return 0;
    };
    char* error = nullptr;
    if (sqlite3_exec(connection, sql, collect, &values, &error) != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errmsg(connection);
        sqlite3_free(error);
        invalid("the file cannot be read as a database: " + message);
    }
    return values;
}

bool has_table(sqlite3* connection, const std::string& name) {
    auto tables = column_values(connection, "SELECT name FROM sqlite_master WHERE type = 'table'");
    return std::find(tables.begin(), tables.end(), name) != tables.end();
}

bool has_sqlite_header(const std::filesystem::path& file) {
    static constexpr char magic[] = "SQLite format 3";  // followed by its '\0'
    char header[sizeof magic] = {};
    std::ifstream in(file, std::ios::binary);
    return in.read(header, sizeof header) && std::equal(header, header + sizeof header, magic);
}

int to_version(const std::string& text) {
    int version = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
    if (error != std::errc{} || end != text.data() + text.size())
        invalid("the database's schema_migrations holds a version that is not a number");
    return version;
}

}  // namespace

void check_backup_file(const std::filesystem::path& file) {
    if (!has_sqlite_header(file)) invalid("the file is not an SQLite database");
    sqlite3* opened = nullptr;
    int result = sqlite3_open_v2(file.c_str(), &opened, SQLITE_OPEN_READONLY, nullptr);
    Connection connection(opened);
    if (result != SQLITE_OK) invalid("the file cannot be opened as a database");
    // The file comes from outside: never run functions its schema names.
    column_values(connection.get(), "PRAGMA trusted_schema = OFF");

    auto integrity = column_values(connection.get(), "PRAGMA integrity_check");
    if (integrity.empty() || integrity.front() != "ok")
        invalid("the database is damaged (integrity check: " + (integrity.empty() ? "no answer" : integrity.front()) +
                ")");
    if (!has_table(connection.get(), "schema_migrations"))
        invalid("the database has no schema_migrations table: it is not a billing-host database");
    auto version = column_values(connection.get(),
                                 "SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE owner = 'host'");
    const int host_version = version.empty() ? 0 : to_version(version.front());
    if (host_version < 1) invalid("the database has no host schema: it is not a billing-host database");
    if (host_version > host_schema_version())
        invalid("the database's host schema is version " + std::to_string(host_version) +
                ", newer than this build knows (" + std::to_string(host_schema_version()) + ")");
    if (!has_table(connection.get(), "users")) invalid("the database has no users table");
}

}  // namespace billing::host
