#pragma once
#include <optional>
#include <string>

namespace notifications {

// The host's phone rule, which a plugin cannot link: "0812-3456 7890" and
// "+62 812 3456 7890" both become "6281234567890" (digits with an optional
// leading '+' and the separators ' ', '-', '.', '(' and ')'; a leading 0 is
// Indonesia's trunk prefix; 8 to 15 digits). Nothing if the text is not a
// phone number.
std::optional<std::string> normalise_phone_number(const std::string& text);

}  // namespace notifications
