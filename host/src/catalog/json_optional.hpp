#pragma once
#include <optional>

#include <nlohmann/json.hpp>

namespace billing::host {

// The value, or JSON null when it is absent (nlohmann 3.11 has no
// std::optional conversion).
template <class T>
nlohmann::json value_or_null(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace billing::host
