#include "auth/sodium_init.hpp"

#include <stdexcept>

#include <sodium.h>

namespace billing::host {

void ensure_sodium_initialised() {
    // A function-local static runs sodium_init() exactly once, even when
    // several threads get here first at the same time.
    static const bool initialised = sodium_init() >= 0;
    if (!initialised) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace billing::host
