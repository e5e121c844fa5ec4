#pragma once
#include <optional>

#include <soci/soci.h>

namespace billing::host {

// A column that may hold NULL, bound to a statement with its indicator:
// read into one with soci::into(column.value, column.indicator), or write an
// optional through one with soci::use(...). Private to the catalog's .cpp files.
template <class T>
struct NullableColumn {
    NullableColumn() = default;
    explicit NullableColumn(const std::optional<T>& from)
        : value(from.value_or(T{})), indicator(from ? soci::i_ok : soci::i_null) {}

    std::optional<T> get() const { return indicator == soci::i_ok ? std::optional<T>(value) : std::nullopt; }

    T value{};
    soci::indicator indicator = soci::i_null;
};

}  // namespace billing::host
