#include "catalog/changed_fields.hpp"

namespace billing::host {

std::vector<std::string> changed_fields(const nlohmann::json& before, const nlohmann::json& after) {
    std::vector<std::string> changed;
    for (const auto& item : after.items()) {
        if (item.key() == "updated_at") continue;
        auto old = before.find(item.key());
        if (old == before.end() || *old != item.value()) changed.push_back(item.key());
    }
    return changed;
}

}  // namespace billing::host
