#include "catalog/station.hpp"

#include <stdexcept>

namespace billing::host {

void to_json(nlohmann::json&, const Station&) { throw std::logic_error("not implemented yet"); }

}  // namespace billing::host
