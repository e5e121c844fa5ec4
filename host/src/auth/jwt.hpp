#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace billing::host {

// What a token says about its holder. Instants are Unix seconds, as JWT
// wants them.
struct TokenClaims {
    std::int64_t user_id = 0;        // "sub", as a decimal string
    std::string username;            // "name"
    std::string role;                // "role"
    std::int64_t token_version = 0;  // "ver": revoked when the user's version moves on
    std::int64_t issued_at = 0;      // "iat"
    std::int64_t expires_at = 0;     // "exp"
};

inline constexpr std::size_t jwt_secret_size = 32;
using JwtSecret = std::array<unsigned char, jwt_secret_size>;

// JSON Web Tokens signed with HMAC-SHA256, and nothing else: the algorithm
// allow-list is HS256 only, so "none" and every other algorithm are
// refused, whatever the header says.
class JwtCodec {
public:
    // How far in the future "iat" may be, for clocks slightly apart.
    static constexpr std::int64_t clock_skew_seconds = 60;

    explicit JwtCodec(const JwtSecret& secret);
    ~JwtCodec();
    JwtCodec(const JwtCodec&) = delete;
    JwtCodec& operator=(const JwtCodec&) = delete;

    std::string sign(const TokenClaims& claims) const;
    // The claims of a well-formed token signed with this secret, unexpired at
    // `now_seconds`; nothing for anything else.
    std::optional<TokenClaims> verify(std::string_view token, std::int64_t now_seconds) const;

private:
    std::string signature(std::string_view signing_input) const;

    // HMAC's state after absorbing the key, computed once: every signature
    // starts from a copy, which saves two SHA-256 blocks per request.
    struct KeyedState;
    std::unique_ptr<const KeyedState> keyed_;
};

}  // namespace billing::host
