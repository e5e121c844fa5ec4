#include "given_ledger.hpp"

namespace notifications {

bool GivenLedger::record(std::int64_t session_id, const std::string& kind, int threshold, std::int64_t now_ms) {
    return storage_.execute("INSERT INTO notifications_given (session_id, kind, threshold, at_ms)"
                            " VALUES (:session, :kind, :threshold, :at) ON CONFLICT DO NOTHING",
                            {static_cast<long long>(session_id), kind, static_cast<long long>(threshold),
                             static_cast<long long>(now_ms)}) == 1;
}

void GivenLedger::forget(std::int64_t session_id, const std::string& kind) {
    storage_.execute("DELETE FROM notifications_given WHERE session_id = :session AND kind = :kind",
                     {static_cast<long long>(session_id), kind});
}

void GivenLedger::prune(std::int64_t older_than_ms) {
    storage_.execute("DELETE FROM notifications_given WHERE at_ms < :cutoff", {static_cast<long long>(older_than_ms)});
}

}  // namespace notifications
