#pragma once
#include <filesystem>

#include "auth/jwt.hpp"

namespace billing::host {

// The host's JWT signing key: read from `file`, or, on first run, made of
// 32 random bytes and written there with mode 0600 before first use.
// Throws std::runtime_error naming the file (never its content) if it
// exists with the wrong size or cannot be read or written.
JwtSecret load_or_create_jwt_secret(const std::filesystem::path& file);

}  // namespace billing::host
