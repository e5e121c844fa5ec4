#include "sessions/session_input.hpp"

#include <billing/sdk/http.hpp>

#include "api/json_input.hpp"

namespace billing::host::session_input {
namespace {

using sdk::ApiError;
constexpr std::int64_t kMaxId = 9'000'000'000'000'000'000;

// The body as an object of only the fields a route knows.
void only_fields(const nlohmann::json& body, std::initializer_list<const char*> known) {
    if (!body.is_object()) throw ApiError(400, "invalid_body", "the request body must be a JSON object");
    json_input::reject_unknown_fields(body, known);
}

std::optional<std::int64_t> optional_id(const nlohmann::json& body, const char* field) {
    return json_input::optional_integer(body, field, 1, kMaxId);
}

StationRef station_ref(const nlohmann::json& body) {
    StationRef ref{optional_id(body, "station_id"), json_input::optional_string(body, "station_code", 16)};
    if (!ref.id && !ref.code) throw ApiError(400, "missing_field", "station_id or station_code is required");
    if (ref.id && ref.code) throw ApiError(400, "invalid_field", "give station_id or station_code, not both");
    return ref;
}

}  // namespace

StartRequest start(const nlohmann::json& body) {
    only_fields(body, {"station_id", "station_code", "package_id", "member_id", "use_balance"});
    StartRequest request;
    request.station = station_ref(body);
    request.package_id = optional_id(body, "package_id");
    request.member_id = optional_id(body, "member_id");
    request.use_balance = json_input::optional_bool(body, "use_balance").value_or(request.member_id.has_value());
    if (request.use_balance && !request.member_id)
        throw ApiError(400, "missing_field", "member_id is required to use a balance");
    return request;
}

ExtendRequest extend(const nlohmann::json& body) {
    only_fields(body, {"minutes", "amount", "package_id", "use_balance"});
    ExtendRequest request;
    request.minutes = json_input::optional_integer(body, "minutes", 1, 24 * 60);
    if (body.contains("amount") && body["amount"].is_number_integer() && body["amount"].get<std::int64_t>() < 0)
        throw ApiError(400, "invalid_price", "amount must not be negative");
    request.amount = json_input::optional_integer(body, "amount", 0, 100'000'000);
    request.package_id = optional_id(body, "package_id");
    request.use_balance = json_input::optional_bool(body, "use_balance").value_or(false);
    if (request.minutes.has_value() == request.package_id.has_value())
        throw ApiError(400, "missing_field", "give either minutes or package_id");
    if (request.amount && !request.minutes)
        throw ApiError(400, "invalid_field", "amount goes with minutes; a package has its own price");
    if (request.use_balance && !request.package_id)
        throw ApiError(400, "invalid_field", "use_balance goes with package_id");
    return request;
}

StationRef move(const nlohmann::json& body) {
    only_fields(body, {"station_id", "station_code"});
    return station_ref(body);
}

StopRequest stop(const nlohmann::json& body) {
    if (body.is_null()) return {};
    only_fields(body, {"refund_unit"});
    return {json_input::optional_bool(body, "refund_unit").value_or(false)};
}

}  // namespace billing::host::session_input
