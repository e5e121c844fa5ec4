#pragma once
// Database files for the backup tests, built in a temporary directory.
#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

#include "storage/database.hpp"
#include "storage/migrator.hpp"

namespace billing::test {

inline std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A host database at `file` (with the host schema), changed by `setup`,
// closed, and returned as the bytes of its file.
inline std::string database_bytes(const std::filesystem::path& file,
                                  const std::function<void(soci::session&)>& setup = {}) {
    {
        host::Database database({.file = file});
        host::Migrator(database).apply("host", host::host_migrations());
        if (setup) database.write(setup);
    }
    return read_bytes(file);
}

// The value of the settings row `key`, or "" if there is none.
inline std::string setting_row(host::Database& database, const std::string& key) {
    std::string value;
    database.read([&](soci::session& session) {
        session << "SELECT COALESCE(MAX(value), '') FROM settings WHERE key = :key", soci::into(value),
            soci::use(key);
    });
    return value;
}

inline void set_setting_row(host::Database& database, const std::string& key, const std::string& value) {
    database.write([&](soci::session& session) {
        session << "INSERT INTO settings (key, value) VALUES (:key, :value) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            soci::use(key), soci::use(value);
    });
}

}  // namespace billing::test
