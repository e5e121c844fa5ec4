#include "catalog/code_order.hpp"

#include <cctype>
#include <string_view>

namespace billing::host {

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The run of digits starting at `at`, without its leading zeros; moves `at` past it.
std::string_view digit_run(std::string_view text, std::size_t& at) {
    while (at < text.size() && text[at] == '0' && at + 1 < text.size() && is_digit(text[at + 1])) ++at;
    const auto start = at;
    while (at < text.size() && is_digit(text[at])) ++at;
    return text.substr(start, at - start);
}

}  // namespace

bool code_before(const std::string& left, const std::string& right) {
    std::size_t i = 0, j = 0;
    while (i < left.size() && j < right.size()) {
        if (is_digit(left[i]) && is_digit(right[j])) {
            auto a = digit_run(left, i), b = digit_run(right, j);
            // Without leading zeros, the longer run holds the larger number.
            if (a.size() != b.size()) return a.size() < b.size();
            if (a != b) return a < b;
        } else {
            if (left[i] != right[j]) return left[i] < right[j];
            ++i;
            ++j;
        }
    }
    if (left.size() - i != right.size() - j) return left.size() - i < right.size() - j;
    // Equal by value ("TV2", "TV02"): any fixed order will do.
    return left < right;
}

}  // namespace billing::host
