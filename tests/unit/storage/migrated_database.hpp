#pragma once
// A fresh host database in a temporary directory, with the host's schema:
// the starting point of the unit tests of modules built on storage.
#include <filesystem>

#include "storage/database.hpp"
#include "storage/migrator.hpp"
#include "support/temp_dir.hpp"

namespace billing::test {

class MigratedDatabase {
public:
    MigratedDatabase() { host::Migrator(database).apply("host", host::host_migrations()); }

    const std::filesystem::path& dir() const { return temp.path(); }

    TempDir temp;
    host::Database database{host::DatabaseOptions{.file = temp.path() / "data" / "billing.db"}};
};

}  // namespace billing::test
