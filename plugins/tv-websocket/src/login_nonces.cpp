#include "login_nonces.hpp"

#include <algorithm>

#include "device_secrets.hpp"

namespace tv {

namespace {

// How long a replaced nonce still works.
constexpr std::int64_t grace_ms = 30'000;

}  // namespace

LoginNonces::LoginNonces(std::int64_t lifetime_ms) : lifetime_ms_(lifetime_ms) {}

void LoginNonces::set_lifetime(std::int64_t lifetime_ms) { lifetime_ms_ = lifetime_ms; }

void LoginNonces::drop_expired(std::vector<Issued>& issued, std::int64_t now_ms) const {
    std::erase_if(issued, [&](const Issued& entry) { return entry.replaced_at_ms + grace_ms <= now_ms; });
}

LoginNonces::Shown LoginNonces::current(const std::string& station_code, std::int64_t now_ms) {
    auto& issued = by_station_[station_code];
    drop_expired(issued, now_ms);
    if (issued.empty() || issued.back().replaced_at_ms <= now_ms)
        issued.push_back({device_secrets::new_login_nonce(), now_ms + lifetime_ms_});
    return {issued.back().nonce, issued.back().replaced_at_ms};
}

bool LoginNonces::redeem(const std::string& station_code, const std::string& nonce, std::int64_t now_ms) {
    auto found = by_station_.find(station_code);
    if (found == by_station_.end()) return false;
    auto& issued = found->second;
    drop_expired(issued, now_ms);
    auto match = std::find_if(issued.begin(), issued.end(), [&](const Issued& entry) { return entry.nonce == nonce; });
    if (match == issued.end()) return false;
    // Every nonce shown so far goes: the QR on the screen changes at once.
    issued.clear();
    return true;
}

}  // namespace tv
