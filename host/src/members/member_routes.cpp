#include "members/member_routes.hpp"

namespace billing::host {

// Routes arrive with the real implementation; until then the host runs without them.
void register_member_routes(Router&, const Poster&, MemberStore&, Database&) {}

}  // namespace billing::host
