#include "catalog/catalog_routes.hpp"

namespace billing::host {

// Routes are registered once the stores are implemented.
void register_catalog_routes(Router&, const Poster&, StationStore&, PackageStore&) {}

}  // namespace billing::host
