#include "sessions/session.hpp"

#include <algorithm>

#include "core/clock.hpp"

namespace billing::host {
namespace {

nlohmann::json instant_or_null(const std::optional<std::int64_t>& unix_ms) {
    return unix_ms ? nlohmann::json(format_iso8601_utc(*unix_ms)) : nlohmann::json(nullptr);
}

template <typename T>
nlohmann::json or_null(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

std::optional<std::int64_t> Session::remaining_ms(std::int64_t now) const {
    if (!deadline_at || ended_at) return std::nullopt;
    const auto reference = paused_at ? *paused_at : now;
    return std::max<std::int64_t>(0, *deadline_at - reference);
}

std::int64_t Session::played_ms(std::int64_t now) const {
    const auto until = ended_at ? *ended_at : paused_at ? *paused_at : now;
    return std::max<std::int64_t>(0, until - started_at - paused_ms);
}

nlohmann::json Session::to_json(std::int64_t now) const {
    return {{"id", id},
            {"station_id", station_id},
            {"station_code", station_code},
            {"member_id", or_null(member_id)},
            {"member_name", or_null(member_name)},
            {"package_id", package_id},
            {"package_name", package_name},
            {"kind", kind},
            {"payment", payment},
            {"started_by", started_by},
            {"business_day", business_day},
            {"started_at", format_iso8601_utc(started_at)},
            {"deadline_at", instant_or_null(deadline_at)},
            {"paused_at", instant_or_null(paused_at)},
            {"paused_ms", paused_ms},
            {"ended_at", instant_or_null(ended_at)},
            {"end_reason", or_null(end_reason)},
            {"ended_by", or_null(ended_by)},
            {"amount", amount},
            {"state", state()},
            {"remaining_ms", or_null(remaining_ms(now))},
            {"played_ms", played_ms(now)}};
}

}  // namespace billing::host
