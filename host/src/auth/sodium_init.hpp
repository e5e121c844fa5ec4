#pragma once

namespace billing::host {

// Initialises libsodium once per process (thread-safe, idempotent); throws
// std::runtime_error if it cannot. Call before any other libsodium use.
void ensure_sodium_initialised();

}  // namespace billing::host
