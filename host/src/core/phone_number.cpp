#include "core/phone_number.hpp"

#include <cctype>
#include <stdexcept>

namespace billing::host {

std::string normalise_phone_number(const std::string& text) {
    std::string digits;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
        else if (c == '+' && digits.empty()) continue;
        else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')')
            throw std::invalid_argument("a phone number holds only digits, spaces, '-', '.', '(', ')' and a leading '+'");
    }
    // Indonesian local numbers start with the trunk prefix 0.
    if (digits.starts_with('0')) digits = "62" + digits.substr(1);
    if (digits.size() < 8 || digits.size() > 15)
        throw std::invalid_argument("a phone number has 8 to 15 digits (e.g. 081234567890 or 6281234567890)");
    return digits;
}

}  // namespace billing::host
