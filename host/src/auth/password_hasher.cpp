#include "auth/password_hasher.hpp"

#include <stdexcept>

#include <sodium.h>

#include "auth/sodium_init.hpp"

namespace billing::host {

PasswordCost PasswordCost::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::minimum() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

PasswordHasher::PasswordHasher(PasswordCost cost) : cost_(cost) { ensure_sodium_initialised(); }

std::string PasswordHasher::hash(std::string_view password) const {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), cost_.opslimit, cost_.memlimit) != 0)
        throw std::runtime_error("argon2id hashing failed: not enough memory for " +
                                 std::to_string(cost_.memlimit) + " bytes");
    return out;
}

bool PasswordHasher::verify(const std::string& hash, std::string_view password) const {
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needs_rehash(const std::string& hash) const {
    return crypto_pwhash_str_needs_rehash(hash.c_str(), cost_.opslimit, cost_.memlimit) != 0;
}

}  // namespace billing::host
