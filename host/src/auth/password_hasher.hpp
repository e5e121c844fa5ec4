#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace billing::host {

// How expensive one argon2id hash is: passes over memory, and bytes of it.
struct PasswordCost {
    unsigned long long opslimit;
    std::size_t memlimit;

    // libsodium's INTERACTIVE level (2 passes over 64 MiB): about 60 ms per
    // verification on the 2-core shop PC. That is slow enough to make
    // offline guessing costly, yet a login stays instant for a person and
    // the throttle keeps concurrent hashing (64 MiB each) to a handful.
    static PasswordCost interactive();
    // The cheapest cost libsodium allows: for unit tests only.
    static PasswordCost minimum();
};

// argon2id password hashes in libsodium's self-describing string form
// ("$argon2id$v=19$m=65536,t=2,p=1$salt$hash"), so old hashes stay
// verifiable when the cost changes.
class PasswordHasher {
public:
    explicit PasswordHasher(PasswordCost cost = PasswordCost::interactive());

    // Throws std::runtime_error if libsodium cannot allocate the memory.
    std::string hash(std::string_view password) const;
    // False for a wrong password and for a malformed hash.
    bool verify(const std::string& hash, std::string_view password) const;
    // True when `hash` was made with a cost other than this hasher's.
    bool needs_rehash(const std::string& hash) const;

private:
    PasswordCost cost_;
};

}  // namespace billing::host
