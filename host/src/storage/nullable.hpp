#pragma once
// Included by .cpp files that talk SQL only: it pulls in SOCI.
#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

namespace billing::host {

// A column that may hold NULL, bound with its indicator (Debian's SOCI 4.0
// has no std::optional support). Bind `value` and `indicator` together:
// soci::into(column.value, column.indicator) or soci::use(...).
template <typename Stored, typename Exposed = Stored>
struct Nullable {
    Stored value{};
    soci::indicator indicator = soci::i_null;

    Nullable() = default;
    explicit Nullable(const std::optional<Exposed>& from)
        : value(from ? Stored(*from) : Stored{}), indicator(from ? soci::i_ok : soci::i_null) {}

    std::optional<Exposed> get() const {
        return indicator == soci::i_ok ? std::optional<Exposed>(Exposed(value)) : std::nullopt;
    }
};

// INTEGER columns are read as long long (SQLite's 64-bit integers).
using NullableInteger = Nullable<long long, std::int64_t>;
using NullableText = Nullable<std::string>;

}  // namespace billing::host
