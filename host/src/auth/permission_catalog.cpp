#include "auth/permission_catalog.hpp"

#include <algorithm>

namespace billing::host {

PermissionCatalog::PermissionCatalog() {
    // Users, audit and backups are admin-only and have no permission to grant.
    permissions_ = {
        {"settings.view", "Lihat pengaturan", "host"},
        {"settings.manage", "Ubah pengaturan toko", "host"},
        {"plugins.view", "Lihat plugin", "host"},
        {"plugins.manage", "Aktifkan/nonaktifkan dan atur plugin", "host"},
        {"sessions.view", "Lihat TV dan sesi", "host"},
        {"sessions.start", "Mulai sesi", "host"},
        {"sessions.extend", "Tambah waktu sesi", "host"},
        {"sessions.stop", "Hentikan sesi", "host"},
        {"sessions.move", "Pindahkan sesi ke TV lain", "host"},
        {"stations.manage", "Kelola TV/stasiun", "host"},
        {"packages.manage", "Kelola paket dan tarif", "host"},
        {"members.view", "Lihat member", "host"},
        {"members.manage", "Kelola member, jual paket", "host"},
        {"sales.view", "Lihat penjualan dan tutup buku harian", "host"},
    };
}

void PermissionCatalog::add(const Permission& permission) {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(permissions_.begin(), permissions_.end(),
                           [&](const Permission& p) { return p.name == permission.name; });
    if (it == permissions_.end()) permissions_.push_back(permission);
}

void PermissionCatalog::remove_owner(const std::string& owner) {
    std::lock_guard lock(mutex_);
    std::erase_if(permissions_, [&](const Permission& p) { return p.owner == owner; });
}

bool PermissionCatalog::contains(const std::string& name) const {
    std::lock_guard lock(mutex_);
    return std::any_of(permissions_.begin(), permissions_.end(),
                       [&](const Permission& p) { return p.name == name; });
}

std::vector<PermissionCatalog::Permission> PermissionCatalog::list() const {
    std::lock_guard lock(mutex_);
    return permissions_;
}

nlohmann::json PermissionCatalog::to_json() const {
    auto result = nlohmann::json::array();
    for (const auto& p : list())
        result.push_back({{"name", p.name}, {"label", p.label}, {"owner", p.owner}});
    return result;
}

}  // namespace billing::host
