#include "catalog/package.hpp"

#include <stdexcept>

namespace billing::host {

Tariff Package::tariff() const { throw std::logic_error("not implemented yet"); }

void to_json(nlohmann::json&, const Package&) { throw std::logic_error("not implemented yet"); }

}  // namespace billing::host
