#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

// Reading the bodies of the members API. Every function throws
// sdk::ApiError 400 naming the field (unknown_field, missing_field,
// invalid_field, invalid_phone, invalid_price) and changes nothing.
namespace billing::host::member_input {

// {name, phone, notes}: a field left out stays empty. On create, name and
// phone are required.
struct MemberFields {
    std::optional<std::string> name;   // 1..80 characters on one line, trimmed
    std::optional<std::string> phone;  // normalised (normalise_phone_number)
    std::optional<std::string> notes;  // up to 1000 characters
};
MemberFields member_fields(const nlohmann::json& body, bool creating);

// {package_id, units? (1..100, default 1), amount? (rupiah, >= 0)}.
struct Purchase {
    std::int64_t package_id = 0;
    std::int64_t units = 1;
    std::optional<std::int64_t> amount;
};
Purchase purchase(const nlohmann::json& body);

// {package_id, change (-1000..1000, not 0), reason (1..200 characters),
// kind? ("granted" for a positive change, or "adjusted")}; kind defaults to
// granted for a positive change, adjusted otherwise.
struct BalanceCorrection {
    std::int64_t package_id = 0;
    std::int64_t change = 0;
    std::string reason;
    std::string kind;
};
BalanceCorrection balance_correction(const nlohmann::json& body);

}  // namespace billing::host::member_input
