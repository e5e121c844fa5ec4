#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

// Reading the query parameters of the members and sales lists. Each
// function throws sdk::ApiError(400, "invalid_parameter", "<name> must be
// ...") for a value it cannot accept, and returns nullopt when the
// parameter is absent.
namespace billing::host::query_parameters {

using Query = std::map<std::string, std::string>;

std::optional<std::int64_t> integer(const Query& query, const std::string& name, std::int64_t min, std::int64_t max);
// A calendar date "YYYY-MM-DD" that exists (no 2026-02-30).
std::optional<std::string> date(const Query& query, const std::string& name);
std::optional<std::string> text(const Query& query, const std::string& name, std::size_t max_length);

}  // namespace billing::host::query_parameters
