#include "phone_number.hpp"

#include <cctype>

namespace notifications {

std::optional<std::string> normalise_phone_number(const std::string& text) {
    std::string digits;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
        else if (c == '+' && digits.empty()) continue;
        else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') return std::nullopt;
    }
    if (digits.starts_with('0')) digits = "62" + digits.substr(1);
    if (digits.size() < 8 || digits.size() > 15) return std::nullopt;
    return digits;
}

}  // namespace notifications
