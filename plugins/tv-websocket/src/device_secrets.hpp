#pragma once
#include <string>

// Random secrets of the TV plugin (libsodium's CSPRNG).
namespace tv::device_secrets {

// A device token: "tvd_" + 32 random bytes in base64url. Only its hash is stored.
std::string new_token();
// SHA-256 of a token, hex: what the devices table keeps.
std::string hash_of(const std::string& token);
// A six-digit pairing code the admin can type.
std::string new_pairing_code();
// A login nonce: 6 characters of an alphabet without look-alikes (no 0/O, 1/I).
std::string new_login_nonce();

}  // namespace tv::device_secrets
