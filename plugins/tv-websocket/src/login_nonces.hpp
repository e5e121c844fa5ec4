#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tv {

// The one-time words in the WhatsApp login QR, per station. Each is shown
// for `lifetime_ms`, then replaced; it stays redeemable for a grace period
// after that (a member who scanned just before the change), and never after
// it was redeemed once. Kept in memory: after a restart every old QR is void.
class LoginNonces {
public:
    struct Shown {
        std::string nonce;
        std::int64_t replaced_at_ms = 0;
    };

    explicit LoginNonces(std::int64_t lifetime_ms);
    void set_lifetime(std::int64_t lifetime_ms);

    // The nonce to show for the station now (a new one when due).
    Shown current(const std::string& station_code, std::int64_t now_ms);
    // True once per valid nonce; the station then gets a new one.
    bool redeem(const std::string& station_code, const std::string& nonce, std::int64_t now_ms);

private:
    struct Issued {
        std::string nonce;
        std::int64_t replaced_at_ms = 0;
    };
    void drop_expired(std::vector<Issued>& issued, std::int64_t now_ms) const;

    std::int64_t lifetime_ms_;
    std::map<std::string, std::vector<Issued>> by_station_;  // newest last
};

}  // namespace tv
