#pragma once
#include "core/poster.hpp"

namespace billing::host {

class Router;
class StationStore;
class PackageStore;

// Station mutations (POST/PUT/DELETE /api/v1/stations…; the reads with live
// state belong to the sessions module's station board) and every
// /api/v1/packages route.
void register_catalog_routes(Router& router, const Poster& workers, StationStore& stations, PackageStore& packages);

}  // namespace billing::host
