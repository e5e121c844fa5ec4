#pragma once
// Included by the members .cpp files only: it pulls in SOCI.
#include <cstdint>
#include <optional>

#include <soci/soci.h>

namespace billing::host {

// An integer column that may hold NULL, bound with its indicator (Debian's
// SOCI 4.0 has no std::optional support).
struct NullableInteger {
    long long value = 0;
    soci::indicator indicator = soci::i_null;

    NullableInteger() = default;
    explicit NullableInteger(std::optional<std::int64_t> from)
        : value(from.value_or(0)), indicator(from ? soci::i_ok : soci::i_null) {}

    std::optional<std::int64_t> get() const {
        return indicator == soci::i_ok ? std::optional<std::int64_t>(value) : std::nullopt;
    }
};

}  // namespace billing::host
