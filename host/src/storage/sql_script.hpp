#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace billing::host {

// Splits a script of SQL statements separated by ';' into single statements
// (database drivers prepare one statement at a time and may silently ignore
// the rest). Semicolons inside quotes, identifiers, comments and the
// BEGIN ... END body of CREATE TRIGGER do not split. Statements holding
// nothing but comments and blanks are dropped; the ';' is not included.
std::vector<std::string> split_sql_script(std::string_view script);

}  // namespace billing::host
