#pragma once
#include "core/poster.hpp"

namespace billing::host {

class Router;
class MemberStore;
class Database;

// /api/v1/members (search, create, read, update, balances, history, sell,
// grant/adjust) and /api/v1/sales (list by day).
void register_member_routes(Router& router, const Poster& workers, MemberStore& members, Database& database);

}  // namespace billing::host
