#pragma once
#include <filesystem>
#include <string>

namespace billing::test {

// What `PRAGMA integrity_check` says of a database file no process has
// open ("ok\n" when sound), through Debian's sqlite3 command.
std::string integrity_check(const std::filesystem::path& database);

}  // namespace billing::test
