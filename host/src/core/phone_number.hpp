#pragma once
#include <string>

namespace billing::host {

// A phone number in the international digits form the host stores:
// "0812-3456 7890", "+62 812 3456 7890" and "(0812) 3456.7890" all become
// "6281234567890". Accepts digits with an optional leading '+' and the
// separators ' ', '-', '.', '(' and ')'; a leading 0 (the Indonesian trunk
// prefix) becomes 62; the result has 8 to 15 digits. Throws
// std::invalid_argument saying what is wrong otherwise (empty included).
std::string normalise_phone_number(const std::string& text);

}  // namespace billing::host
