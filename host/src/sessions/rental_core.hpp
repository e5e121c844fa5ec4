#pragma once

namespace billing::host {

class MemberStore;
class PackageStore;
class SessionService;
class StationBoard;
class StationStore;

// The rental core's services, handed together to whoever serves them to
// plugins (plugins/plugin_rental.hpp).
struct RentalCore {
    StationStore& stations;
    PackageStore& packages;
    MemberStore& members;
    SessionService& sessions;
    StationBoard& board;
};

}  // namespace billing::host
