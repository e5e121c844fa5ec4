#pragma once
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace billing::host {

// Every permission an operator can be granted: the host's own and those
// plugins declare in their manifests, shown as one checkbox list.
class PermissionCatalog {
public:
    struct Permission {
        std::string name;   // "sessions.start"
        std::string label;  // "Mulai sesi"
        std::string owner;  // "host" or the plugin id
    };

    PermissionCatalog();  // installs the host's permissions
    void add(const Permission& permission);
    void remove_owner(const std::string& owner);
    bool contains(const std::string& name) const;
    std::vector<Permission> list() const;
    nlohmann::json to_json() const;

private:
    mutable std::mutex mutex_;
    std::vector<Permission> permissions_;
};

}  // namespace billing::host
