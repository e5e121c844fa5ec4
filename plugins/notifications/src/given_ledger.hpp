#pragma once
#include <cstdint>
#include <string>

#include <billing/sdk/storage.hpp>

namespace notifications {

// Which once-only notifications were given: one row per session, kind and
// threshold, kept in the database so a restarted host does not repeat them.
class GivenLedger {
public:
    explicit GivenLedger(billing::sdk::Storage& storage) : storage_(storage) {}

    // Records it; true if it was not recorded before (give it now).
    bool record(std::int64_t session_id, const std::string& kind, int threshold, std::int64_t now_ms);
    // Forgets the session's rows of `kind` (its deadline moved: warn again).
    void forget(std::int64_t session_id, const std::string& kind);
    void prune(std::int64_t older_than_ms);

private:
    billing::sdk::Storage& storage_;
};

}  // namespace notifications
