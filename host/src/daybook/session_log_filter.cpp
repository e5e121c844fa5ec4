#include "daybook/session_log_filter.hpp"

#include <charconv>
#include <limits>

#include <billing/sdk/http.hpp>

#include "pricing/day_label.hpp"

namespace billing::host {

namespace {

constexpr std::size_t max_actor_length = 200;
constexpr std::int64_t max_limit = 500;
constexpr std::int64_t max_id = std::numeric_limits<std::int64_t>::max();

[[noreturn]] void invalid(const std::string& name, const std::string& expectation) {
    throw sdk::ApiError(400, "invalid_field", name + " must be " + expectation);
}

const std::string* find(const std::map<std::string, std::string>& query, const std::string& name) {
    auto it = query.find(name);
    return it == query.end() ? nullptr : &it->second;
}

std::optional<std::int64_t> integer(const std::map<std::string, std::string>& query, const std::string& name,
                                    std::int64_t min, std::int64_t max) {
    const auto* text = find(query, name);
    if (text == nullptr) return std::nullopt;
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc{} || end != text->data() + text->size() || value < min || value > max)
        invalid(name, "an integer from " + std::to_string(min) + " to " + std::to_string(max));
    return value;
}

std::optional<std::int64_t> id(const std::map<std::string, std::string>& query, const std::string& name) {
    return integer(query, name, 1, max_id);
}

}  // namespace

SessionLogFilter parse_session_log_filter(const std::map<std::string, std::string>& query) {
    SessionLogFilter filter;
    if (const auto* day = find(query, "day")) {
        if (!is_day_label(*day)) invalid("day", "a date YYYY-MM-DD that exists");
        filter.day = *day;
    }
    filter.station_id = id(query, "station");
    filter.member_id = id(query, "member");
    filter.session_id = id(query, "session");
    if (const auto* actor = find(query, "operator")) {
        if (actor->empty() || actor->size() > max_actor_length)
            invalid("operator", "1 to " + std::to_string(max_actor_length) + " characters");
        filter.actor = *actor;
    }
    filter.before_id = id(query, "before_id").value_or(0);
    filter.limit = integer(query, "limit", 1, max_limit).value_or(filter.limit);
    return filter;
}

}  // namespace billing::host
