#pragma once
#include <string>

namespace billing::host {

// Orders station codes as people read them: runs of digits compare by their
// value, so TV2 comes before TV10 (and TV02 before TV10).
bool code_before(const std::string& left, const std::string& right);

}  // namespace billing::host
