#include "auth/base64url.hpp"

#include <sodium.h>

#include "auth/sodium_init.hpp"

namespace billing::host::base64url {

namespace {
constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

const unsigned char* as_bytes(std::string_view text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}
}  // namespace

std::string encode(std::string_view bytes) {
    ensure_sodium_initialised();
    // sodium_base64_ENCODED_LEN counts the terminating NUL, which
    // sodium_bin2base64 writes into the buffer.
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), as_bytes(bytes), bytes.size(), variant);
    out.resize(out.size() - 1);
    return out;
}

std::optional<std::string> decode(std::string_view text) {
    ensure_sodium_initialised();
    std::string out(text.size() * 3 / 4 + 1, '\0');
    std::size_t length = 0;
    // With no `b64_end`, libsodium fails unless the whole text was consumed,
    // and it rejects non-zero padding bits, so only canonical input passes.
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                          nullptr, &length, nullptr, variant) != 0)
        return std::nullopt;
    out.resize(length);
    return out;
}

}  // namespace billing::host::base64url
