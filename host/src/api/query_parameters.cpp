#include "api/query_parameters.hpp"

#include <charconv>
#include <chrono>

#include <billing/sdk/http.hpp>

#include "core/clock.hpp"

namespace billing::host::query_parameters {
namespace {

[[noreturn]] void invalid(const std::string& name, const std::string& expectation) {
    throw sdk::ApiError(400, "invalid_parameter", name + " must be " + expectation);
}

const std::string* find(const Query& query, const std::string& name) {
    auto it = query.find(name);
    return it == query.end() ? nullptr : &it->second;
}

// The number written by text[from, from + length), digits only.
int digits_value(const std::string& text, std::size_t from, std::size_t length) {
    int value = 0;
    for (std::size_t i = from; i < from + length; ++i) value = value * 10 + (text[i] - '0');
    return value;
}

bool is_date_shaped(const std::string& text) {
    if (text.size() != 10) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool separator = i == 4 || i == 7;
        if (separator ? text[i] != '-' : (text[i] < '0' || text[i] > '9')) return false;
    }
    return true;
}

}  // namespace

std::optional<std::int64_t> integer(const Query& query, const std::string& name, std::int64_t min, std::int64_t max) {
    const auto* text = find(query, name);
    if (text == nullptr) return std::nullopt;
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc{} || end != text->data() + text->size() || value < min || value > max)
        invalid(name, "an integer from " + std::to_string(min) + " to " + std::to_string(max));
    return value;
}

std::optional<std::int64_t> instant(const Query& query, const std::string& name) {
    const auto* text = find(query, name);
    if (text == nullptr) return std::nullopt;
    std::int64_t unix_ms = 0;
    if (!parse_instant(*text, unix_ms))
        invalid(name, "an ISO-8601 UTC instant (2026-11-21T03:04:05.678Z) or Unix milliseconds");
    return unix_ms;
}

std::optional<std::string> text(const Query& query, const std::string& name, std::size_t max_length) {
    const auto* value = find(query, name);
    if (value == nullptr) return std::nullopt;
    if (value->size() > max_length) invalid(name, "at most " + std::to_string(max_length) + " characters");
    return *value;
}

std::optional<std::string> date(const Query& query, const std::string& name) {
    const auto* text = find(query, name);
    if (text == nullptr) return std::nullopt;
    if (!is_date_shaped(*text)) invalid(name, "a date YYYY-MM-DD");
    auto date = std::chrono::year{digits_value(*text, 0, 4)} /
                std::chrono::month{static_cast<unsigned>(digits_value(*text, 5, 2))} /
                std::chrono::day{static_cast<unsigned>(digits_value(*text, 8, 2))};
    if (!date.ok()) invalid(name, "a date YYYY-MM-DD that exists");
    return *text;
}

std::optional<std::string> choice(const Query& query, const std::string& name,
                                  std::initializer_list<const char*> allowed) {
    const auto* value = find(query, name);
    if (value == nullptr) return std::nullopt;
    std::string listed;
    for (const auto* option : allowed) {
        if (*value == option) return *value;
        listed += (listed.empty() ? "" : ", ") + std::string(option);
    }
    invalid(name, "one of " + listed);
}

}  // namespace billing::host::query_parameters
