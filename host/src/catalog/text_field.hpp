#pragma once
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace billing::host {

// The string field `field` of `object` as one line of printable text
// without surrounding blanks, of min_characters..max_characters characters
// (not bytes); absent or null reads as "". Otherwise 400 invalid_field
// naming the field.
std::string one_line_text(const nlohmann::json& object, const char* field, std::size_t min_characters,
                          std::size_t max_characters);

}  // namespace billing::host
