#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "storage/database.hpp"

namespace soci {
class session;
}

namespace billing::host {

struct AuditRecord {
    std::int64_t at_ms = 0;
    std::string actor;  // username, plugin id, or "anonymous"
    std::string action;
    std::string target;
    std::string method;
    std::string path;
    int status = 0;
    std::string remote_address;
    nlohmann::json details = nlohmann::json::object();
};

struct AuditFilter {
    std::optional<std::int64_t> from_ms, to_ms;
    std::optional<std::string> actor, action, target;
    std::optional<int> status;
    std::int64_t before_id = 0;  // paging: entries older than this id
    int limit = 100;
};

// The audit trail: who did what, to what, when and from where. Request
// bodies are never stored (they may hold passwords).
class AuditLog {
public:
    explicit AuditLog(Database& database);
    // Writes `record` in a transaction of its own, after the change it
    // describes (or for a request that changed nothing).
    void record(const AuditRecord& record);
    // Writes `record` inside the caller's open write transaction: the change
    // and its row commit together, with one fsync, or not at all.
    static void insert(soci::session& session, const AuditRecord& record);
    // {"entries":[...], "next_before_id": N or null}, newest first.
    nlohmann::json query(const AuditFilter& filter);

private:
    Database& database_;
};

}  // namespace billing::host
