#pragma once
#include "core/poster.hpp"

namespace billing::host {

class Router;
class SessionService;
class StationBoard;

// GET /api/v1/stations and /stations/{id} (with live state), and every
// /api/v1/sessions route: list, read, start, extend, pause, resume, move,
// stop.
void register_session_routes(Router& router, const Poster& workers, SessionService& sessions, StationBoard& board);

}  // namespace billing::host
