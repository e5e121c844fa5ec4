#pragma once
#include <algorithm>
#include <cstddef>
#include <string_view>

namespace billing::host {

// Whether `c` continues a UTF-8 sequence rather than starting a character.
inline bool is_utf8_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Characters, not bytes ("Ñoño" is 4 long). Text parsed from JSON is valid
// UTF-8, so counting the bytes that start a character is enough.
inline std::size_t utf8_character_count(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return !is_utf8_continuation_byte(c); }));
}

}  // namespace billing::host
