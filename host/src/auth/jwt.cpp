#include "auth/jwt.hpp"

#include <charconv>
#include <limits>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "auth/base64url.hpp"
#include "auth/sodium_init.hpp"

namespace billing::host {

namespace {

// Our tokens are a few hundred bytes; anything far larger is not one.
constexpr std::size_t max_token_length = 4096;

const std::string& encoded_header() {
    static const std::string header = base64url::encode(R"({"alg":"HS256","typ":"JWT"})");
    return header;
}

// A segment decoded and parsed as a JSON object, or nothing.
std::optional<nlohmann::json> json_segment(std::string_view segment) {
    auto bytes = base64url::decode(segment);
    if (!bytes) return std::nullopt;
    auto value = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
    if (!value.is_object()) return std::nullopt;  // also true of a parse error (discarded)
    return value;
}

std::optional<std::int64_t> integer_member(const nlohmann::json& claims, const char* name) {
    auto it = claims.find(name);
    if (it == claims.end() || !it->is_number_integer()) return std::nullopt;
    if (it->is_number_unsigned() &&
        it->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return std::nullopt;
    return it->get<std::int64_t>();
}

std::optional<std::string> string_member(const nlohmann::json& object, const char* name) {
    auto it = object.find(name);
    if (it == object.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

// "sub" is a string (RFC 7519 §4.1.2) holding the user's positive id.
std::optional<std::int64_t> subject_member(const nlohmann::json& claims) {
    auto text = string_member(claims, "sub");
    if (!text) return std::nullopt;
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), id);
    if (error != std::errc{} || end != text->data() + text->size() || id <= 0) return std::nullopt;
    return id;
}

}  // namespace

struct JwtCodec::KeyedState {
    crypto_auth_hmacsha256_state state;
};

JwtCodec::JwtCodec(const JwtSecret& secret) {
    ensure_sodium_initialised();
    auto keyed = std::make_unique<KeyedState>();
    crypto_auth_hmacsha256_init(&keyed->state, secret.data(), secret.size());
    keyed_ = std::move(keyed);
}

JwtCodec::~JwtCodec() = default;

std::string JwtCodec::signature(std::string_view signing_input) const {
    auto state = keyed_->state;
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(signing_input.data()),
                                  signing_input.size());
    std::string mac(crypto_auth_hmacsha256_BYTES, '\0');
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(mac.data()));
    sodium_memzero(&state, sizeof state);
    return mac;
}

std::string JwtCodec::sign(const TokenClaims& claims) const {
    const nlohmann::json payload = {{"sub", std::to_string(claims.user_id)},
                                    {"name", claims.username},
                                    {"role", claims.role},
                                    {"ver", claims.token_version},
                                    {"iat", claims.issued_at},
                                    {"exp", claims.expires_at}};
    auto token = encoded_header() + '.' + base64url::encode(payload.dump());
    auto mac = signature(token);
    return token + '.' + base64url::encode(mac);
}

std::optional<TokenClaims> JwtCodec::verify(std::string_view token, std::int64_t now_seconds) const {
    if (token.size() > max_token_length) return std::nullopt;
    const auto first_dot = token.find('.');
    const auto last_dot = token.rfind('.');
    if (first_dot == std::string_view::npos || first_dot == last_dot ||
        token.find('.', first_dot + 1) != last_dot)
        return std::nullopt;

    // The signature is checked before anything else of the token is parsed,
    // with libsodium's constant-time comparison, so a forger learns nothing
    // from timing and untrusted JSON never reaches the parser.
    const auto signing_input = token.substr(0, last_dot);
    auto mac = base64url::decode(token.substr(last_dot + 1));
    if (!mac || mac->size() != crypto_auth_hmacsha256_BYTES) return std::nullopt;
    const auto expected = signature(signing_input);
    if (crypto_verify_32(reinterpret_cast<const unsigned char*>(mac->data()),
                         reinterpret_cast<const unsigned char*>(expected.data())) != 0)
        return std::nullopt;

    // The algorithm allow-list: even a correctly signed token is refused
    // unless its header names HS256 and asks for no extension we lack. Our
    // own header, byte for byte, needs no parsing.
    const auto header_segment = token.substr(0, first_dot);
    if (header_segment != encoded_header()) {
        auto header = json_segment(header_segment);
        if (!header || string_member(*header, "alg") != "HS256" || header->contains("crit")) return std::nullopt;
    }

    auto claims = json_segment(token.substr(first_dot + 1, last_dot - first_dot - 1));
    if (!claims) return std::nullopt;
    auto user_id = subject_member(*claims);
    auto username = string_member(*claims, "name");
    auto role = string_member(*claims, "role");
    auto version = integer_member(*claims, "ver");
    auto issued_at = integer_member(*claims, "iat");
    auto expires_at = integer_member(*claims, "exp");
    if (!user_id || !username || !role || !version || !issued_at || !expires_at) return std::nullopt;
    if (*expires_at <= now_seconds || *issued_at > now_seconds + clock_skew_seconds) return std::nullopt;
    return TokenClaims{*user_id, *username, *role, *version, *issued_at, *expires_at};
}

}  // namespace billing::host
