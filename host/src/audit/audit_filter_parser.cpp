#include "audit/audit_filter_parser.hpp"

#include <charconv>
#include <limits>
#include <optional>

#include <billing/sdk/http.hpp>

#include "core/clock.hpp"

namespace billing::host {

namespace {

constexpr std::size_t max_text_length = 200;
constexpr int max_limit = 500;

[[noreturn]] void invalid(const std::string& name, const std::string& expectation) {
    throw sdk::ApiError(400, "invalid_parameter", name + " must be " + expectation);
}

const std::string* find(const std::map<std::string, std::string>& query, const std::string& name) {
    auto it = query.find(name);
    return it == query.end() ? nullptr : &it->second;
}

std::optional<std::int64_t> integer_parameter(const std::map<std::string, std::string>& query,
                                             const std::string& name, std::int64_t min, std::int64_t max) {
    const auto* text = find(query, name);
    if (text == nullptr) return std::nullopt;
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc{} || end != text->data() + text->size() || value < min || value > max)
        invalid(name, "an integer from " + std::to_string(min) + " to " + std::to_string(max));
    return value;
}

std::optional<std::int64_t> instant_parameter(const std::map<std::string, std::string>& query, const std::string& name) {
    const auto* text = find(query, name);
    if (text == nullptr) return std::nullopt;
    std::int64_t unix_ms = 0;
    if (!parse_instant(*text, unix_ms))
        invalid(name, "an ISO-8601 UTC instant (2026-11-21T03:04:05.678Z) or Unix milliseconds");
    return unix_ms;
}

std::optional<std::string> text_parameter(const std::map<std::string, std::string>& query, const std::string& name) {
    const auto* value = find(query, name);
    if (value == nullptr) return std::nullopt;
    if (value->size() > max_text_length)
        invalid(name, "at most " + std::to_string(max_text_length) + " characters");
    return *value;
}

}  // namespace

AuditFilter parse_audit_filter(const std::map<std::string, std::string>& query) {
    AuditFilter filter;
    filter.from_ms = instant_parameter(query, "from");
    filter.to_ms = instant_parameter(query, "to");
    filter.actor = text_parameter(query, "actor");
    filter.action = text_parameter(query, "action");
    filter.target = text_parameter(query, "target");
    if (auto status = integer_parameter(query, "status", 100, 599)) filter.status = static_cast<int>(*status);
    if (auto before_id = integer_parameter(query, "before_id", 1, std::numeric_limits<std::int64_t>::max()))
        filter.before_id = *before_id;
    if (auto limit = integer_parameter(query, "limit", 1, max_limit)) filter.limit = static_cast<int>(*limit);
    if (filter.from_ms && filter.to_ms && *filter.from_ms > *filter.to_ms) invalid("from", "no later than to");
    return filter;
}

}  // namespace billing::host
