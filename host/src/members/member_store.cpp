#include "members/member_store.hpp"

#include <stdexcept>

namespace billing::host {

MemberStore::MemberStore(Database& database, EventBus& bus, const PackageStore& packages,
                         const BusinessCalendar& calendar)
    : database_(database), bus_(bus), packages_(packages), calendar_(calendar) {}

std::optional<Member> MemberStore::find(std::int64_t) const { throw std::logic_error("not implemented yet"); }
std::optional<Member> MemberStore::find_by_phone(const std::string&) const {
    throw std::logic_error("not implemented yet");
}
Member MemberStore::get(std::int64_t) const { throw std::logic_error("not implemented yet"); }
nlohmann::json MemberStore::search(const std::string&, std::int64_t, std::int64_t) const {
    throw std::logic_error("not implemented yet");
}
Member MemberStore::create(const nlohmann::json&, const std::string&) { throw std::logic_error("not implemented yet"); }
Member MemberStore::update(std::int64_t, const nlohmann::json&, const std::string&) {
    throw std::logic_error("not implemented yet");
}
nlohmann::json MemberStore::balances(std::int64_t) const { throw std::logic_error("not implemented yet"); }
nlohmann::json MemberStore::history(std::int64_t, std::optional<std::int64_t>, std::int64_t) const {
    throw std::logic_error("not implemented yet");
}
nlohmann::json MemberStore::sell_package(std::int64_t, const nlohmann::json&, const std::string&) {
    throw std::logic_error("not implemented yet");
}
nlohmann::json MemberStore::change_balance(std::int64_t, const nlohmann::json&, const std::string&) {
    throw std::logic_error("not implemented yet");
}

}  // namespace billing::host
