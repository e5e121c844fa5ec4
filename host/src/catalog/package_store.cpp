#include "catalog/package_store.hpp"

#include <stdexcept>

namespace billing::host {

PackageStore::PackageStore(Database& database, EventBus& bus) : database_(database), bus_(bus) {}

std::vector<Package> PackageStore::list(bool) const { throw std::logic_error("not implemented yet"); }
std::optional<Package> PackageStore::find(std::int64_t) const { throw std::logic_error("not implemented yet"); }
Package PackageStore::get(std::int64_t) const { throw std::logic_error("not implemented yet"); }
Package PackageStore::create(const nlohmann::json&, const std::string&) {
    throw std::logic_error("not implemented yet");
}
Package PackageStore::update(std::int64_t, const nlohmann::json&, const std::string&) {
    throw std::logic_error("not implemented yet");
}
void PackageStore::reload() {}

}  // namespace billing::host
