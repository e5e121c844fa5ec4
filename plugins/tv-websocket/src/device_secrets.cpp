#include "device_secrets.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace tv::device_secrets {

namespace {

void ensure_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace

std::string new_token() {
    ensure_sodium();
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> text{};
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return "tvd_" + std::string(text.data());
}

std::string hash_of(const std::string& token) {
    ensure_sodium();
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(token.data()), token.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return hex.data();
}

std::string new_pairing_code() {
    ensure_sodium();
    return std::to_string(100000 + randombytes_uniform(900000));
}

std::string new_login_nonce() {
    ensure_sodium();
    static constexpr char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    std::string nonce;
    for (int i = 0; i < 6; ++i) nonce += alphabet[randombytes_uniform(sizeof alphabet - 1)];
    return nonce;
}

}  // namespace tv::device_secrets
