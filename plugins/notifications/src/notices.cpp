#include "notices.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace notifications::notices {

namespace {

using nlohmann::json;

std::string text_of(const json& object, const char* key) {
    if (!object.is_object()) return {};
    auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string{};
}

std::optional<std::int64_t> integer_of(const json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    auto found = object.find(key);
    if (found == object.end() || !found->is_number_integer()) return std::nullopt;
    return found->get<std::int64_t>();
}

// "Rp 13.000"
std::string rupiah(std::int64_t amount) {
    auto digits = std::to_string(amount < 0 ? -amount : amount);
    for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) digits.insert(at, ".");
    return std::string(amount < 0 ? "-" : "") + "Rp " + digits;
}

// "Sesi #41 (Paket 1 Jam, Andi)"
std::string session_label(const json& session) {
    std::string label = "Sesi #" + std::to_string(integer_of(session, "id").value_or(0));
    auto details = text_of(session, "package_name");
    if (auto member = text_of(session, "member_name"); !member.empty())
        details += (details.empty() ? "" : ", ") + member;
    return details.empty() ? label : label + " (" + details + ")";
}

// A notice about a session, on its station.
Notice about_session(const json& session, std::string kind) {
    Notice notice;
    notice.kind = std::move(kind);
    notice.session_id = integer_of(session, "id");
    notice.station_id = integer_of(session, "station_id");
    notice.station_code = text_of(session, "station_code");
    notice.data = {{"package_name", session.value("package_name", json())},
                   {"member_name", session.value("member_name", json())}};
    return notice;
}

}  // namespace

Notice ending_soon(const json& session, int threshold_minutes, int minutes_left) {
    auto notice = about_session(session, "ending_soon");
    const auto minutes = std::to_string(minutes_left) + " menit";
    notice.severity = minutes_left <= 1 ? "critical" : "warning";
    notice.title = notice.station_code + ": " + minutes + " lagi";
    notice.body = session_label(session) + " di " + notice.station_code + " berakhir dalam " + minutes + ".";
    notice.tv_text = minutes + " lagi";
    notice.data["minutes_left"] = minutes_left;
    notice.data["threshold_minutes"] = threshold_minutes;
    notice.data["deadline_at"] = session.value("deadline_at", json());
    return notice;
}

Notice session_ended(const json& payload) {
    const auto& session = payload.at("session");
    auto notice = about_session(session, "session_ended");
    const auto reason = text_of(payload, "reason");
    const auto charge = integer_of(payload, "charge").value_or(0);
    const bool expired = reason == "expired";
    notice.severity = charge > 0 ? "warning" : "info";
    notice.title = notice.station_code + (expired ? ": waktu habis" : ": sesi dihentikan");
    notice.body = session_label(session) + " selesai.";
    if (!expired && !text_of(payload, "actor").empty()) notice.body += " Dihentikan oleh " + text_of(payload, "actor") + ".";
    if (charge > 0) notice.body += " Tagih " + rupiah(charge) + ".";
    notice.tv_text = expired ? "Waktu habis" : "Sesi selesai";
    notice.data["reason"] = reason;
    notice.data["charge"] = charge;
    notice.data["amount"] = integer_of(payload, "amount").value_or(0);
    notice.data["actor"] = text_of(payload, "actor");
    return notice;
}

Notice tv_offline(const json& station) {
    auto notice = about_session(station.at("session"), "tv_offline");
    notice.station_id = integer_of(station, "id");
    notice.station_code = text_of(station, "code");
    notice.severity = "warning";
    notice.title = "TV " + notice.station_code + " terputus";
    notice.body = "TV di " + notice.station_code + " terputus saat " + session_label(station.at("session")) +
                  " berjalan. Periksa listrik dan Wi-Fi TV itu.";
    return notice;
}

Notice adb_unauthorized(const json& payload) {
    Notice notice;
    notice.kind = "adb_unauthorized";
    notice.severity = "warning";
    notice.station_id = integer_of(payload, "station_id");
    notice.station_code = text_of(payload, "station_code");
    const auto address = text_of(payload, "address");
    const auto message = text_of(payload, "message");
    const auto where = notice.station_code.empty() ? address : notice.station_code;
    notice.title = "TV " + where + " menolak ADB";
    notice.body = message.empty() ? "TV " + where + (address.empty() ? "" : " (" + address + ")") +
                                        " belum mengizinkan kendali ADB dari komputer ini."
                                  : message;
    notice.body += " Di TV: pilih \"Izinkan\" pada dialog debugging dan centang \"Selalu izinkan\".";
    notice.tv_text = "Pilih \"Izinkan\" pada dialog debugging di layar ini";
    notice.data = {{"address", address}, {"message", message}};
    return notice;
}

Notice plugin_faulted(const json& payload) {
    Notice notice;
    notice.kind = "plugin_faulted";
    notice.severity = "critical";
    notice.audience = "plugins.view";
    const auto id = text_of(payload, "id");
    const auto reason = text_of(payload, "reason");
    notice.title = "Plugin " + id + " berhenti karena galat";
    notice.body = reason.empty() ? "Plugin " + id + " berhenti." : reason;
    notice.data = {{"plugin_id", id}, {"reason", reason}};
    return notice;
}

}  // namespace notifications::notices
