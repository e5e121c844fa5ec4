#include "support/database_integrity.hpp"

#include "support/command_run.hpp"

namespace billing::test {

std::string integrity_check(const std::filesystem::path& database) {
    return run_command("sqlite3 '" + database.string() + "' 'PRAGMA integrity_check'").output;
}

}  // namespace billing::test
