#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace billing::host {

// A regular customer, known by phone number (international digits:
// 0812… is stored as 62812…).
struct Member {
    std::int64_t id = 0;
    std::string name;
    std::string phone;
    std::string notes;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
};

// {id, name, phone, notes, created_at, updated_at}; instants as ISO-8601.
void to_json(nlohmann::json& json, const Member& member);

}  // namespace billing::host
