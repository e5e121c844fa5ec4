#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

// Reading query-string filters with errors that say what was wrong: each
// function returns nothing when the parameter is absent and throws
// sdk::ApiError(400, "invalid_parameter", "<name> must be ...") when it is
// malformed.
namespace billing::host::query_parameters {

using Query = std::map<std::string, std::string>;

std::optional<std::int64_t> integer(const Query& query, const std::string& name, std::int64_t min, std::int64_t max);
// An ISO-8601 UTC instant or Unix milliseconds, as Unix milliseconds.
std::optional<std::int64_t> instant(const Query& query, const std::string& name);
std::optional<std::string> text(const Query& query, const std::string& name, std::size_t max_length = 200);
// A calendar date "YYYY-MM-DD" that exists (no 2026-02-30).
std::optional<std::string> date(const Query& query, const std::string& name);
// One of `allowed` (e.g. "live", "ended", "all").
std::optional<std::string> choice(const Query& query, const std::string& name,
                                  std::initializer_list<const char*> allowed);

}  // namespace billing::host::query_parameters
