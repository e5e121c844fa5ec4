#include "catalog/station_store.hpp"

#include <stdexcept>

namespace billing::host {

StationStore::StationStore(Database& database, EventBus& bus, const PackageStore& packages)
    : database_(database), bus_(bus), packages_(packages) {}

void StationStore::set_busy_check(BusyCheck busy) { busy_ = std::move(busy); }

std::vector<Station> StationStore::list() const { throw std::logic_error("not implemented yet"); }
std::optional<Station> StationStore::find(std::int64_t) const { throw std::logic_error("not implemented yet"); }
std::optional<Station> StationStore::find_by_code(const std::string&) const {
    throw std::logic_error("not implemented yet");
}
std::optional<Station> StationStore::find_by_ip(const std::string&) const {
    throw std::logic_error("not implemented yet");
}
Station StationStore::get(std::int64_t) const { throw std::logic_error("not implemented yet"); }
Station StationStore::create(const nlohmann::json&, const std::string&) {
    throw std::logic_error("not implemented yet");
}
Station StationStore::update(std::int64_t, const nlohmann::json&, const std::string&) {
    throw std::logic_error("not implemented yet");
}
void StationStore::remove(std::int64_t, const std::string&) { throw std::logic_error("not implemented yet"); }
std::string StationStore::next_free_code() const { throw std::logic_error("not implemented yet"); }
void StationStore::reload() {}

}  // namespace billing::host
