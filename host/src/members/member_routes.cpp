#include "members/member_routes.hpp"

#include <limits>

#include "api/json_input.hpp"
#include "api/query_parameters.hpp"
#include "api/router.hpp"
#include "members/member_store.hpp"
#include "members/sales_listing.hpp"

namespace billing::host {

namespace {

constexpr std::int64_t max_id = std::numeric_limits<std::int64_t>::max();

std::int64_t member_id(const sdk::HttpRequest& request) {
    return json_input::id_parameter(request.path_params.at("id"), "member");
}

std::string actor(const sdk::HttpRequest& request) { return request.user ? request.user->username : "anonymous"; }

std::string member_target(std::int64_t id) { return "member:" + std::to_string(id); }

// The names of the fields a request body sets, for the audit trail.
nlohmann::json field_names(const nlohmann::json& body) {
    nlohmann::json names = nlohmann::json::array();
    for (const auto& item : body.items()) names.push_back(item.key());
    return names;
}

}  // namespace

void register_member_routes(Router& router, const Poster& workers, MemberStore& members, Database& database) {
    const auto view = sdk::Access::permitted("members.view");
    const auto manage = sdk::Access::permitted("members.manage");
    auto add = [&](const char* method, const char* pattern, sdk::Access access, const char* action,
                   sdk::RouteHandler handler) {
        router.add(Route{.method = method,
                         .pattern = pattern,
                         .access = std::move(access),
                         .action = action,
                         .handler = std::move(handler),
                         .poster = workers});
    };

    add("GET", "/api/v1/members", view, "members.list", [&members](const sdk::HttpRequest& request) {
        namespace query = query_parameters;
        auto text = query::text(request.query, "q", 100).value_or("");
        auto limit = query::integer(request.query, "limit", 1, 200).value_or(50);
        auto offset = query::integer(request.query, "offset", 0, max_id).value_or(0);
        return sdk::HttpResponse::ok(members.search(text, limit, offset));
    });
    add("POST", "/api/v1/members", manage, "members.create", [&members](const sdk::HttpRequest& request) {
        auto body = json_input::object_body(request.body);
        auto member = members.create(body, actor(request));
        auto response = sdk::HttpResponse::created(member);
        response.audit_target = member_target(member.id);
        response.audit_details = {{"fields", field_names(body)}};
        return response;
    });
    add("GET", "/api/v1/members/{id}", view, "members.view", [&members](const sdk::HttpRequest& request) {
        auto id = member_id(request);
        nlohmann::json member = members.get(id);
        member["balances"] = members.balances(id)["balances"];
        return sdk::HttpResponse::ok(member);
    });
    add("PUT", "/api/v1/members/{id}", manage, "members.update", [&members](const sdk::HttpRequest& request) {
        auto id = member_id(request);
        auto body = json_input::object_body(request.body);
        auto response = sdk::HttpResponse::ok(members.update(id, body, actor(request)));
        response.audit_target = member_target(id);
        response.audit_details = {{"fields", field_names(body)}};
        return response;
    });
    add("GET", "/api/v1/members/{id}/balances", view, "members.balances", [&members](const sdk::HttpRequest& request) {
        return sdk::HttpResponse::ok(members.balances(member_id(request)));
    });
    add("GET", "/api/v1/members/{id}/history", view, "members.history", [&members](const sdk::HttpRequest& request) {
        auto id = member_id(request);
        auto before_id = query_parameters::integer(request.query, "before_id", 1, max_id);
        auto limit = query_parameters::integer(request.query, "limit", 1, 500).value_or(100);
        return sdk::HttpResponse::ok(members.history(id, before_id, limit));
    });
    add("POST", "/api/v1/members/{id}/purchases", manage, "members.sell_package",
        [&members](const sdk::HttpRequest& request) {
            auto id = member_id(request);
            auto result = members.sell_package(id, json_input::object_body(request.body), actor(request));
            const auto& sale = result["sale"];
            auto response = sdk::HttpResponse::created(result);
            response.audit_target = member_target(id);
            response.audit_details = {{"sale_id", sale["id"]},
                                      {"package_id", sale["package_id"]},
                                      {"units", sale["units"]},
                                      {"amount", sale["amount"]}};
            return response;
        });
    add("POST", "/api/v1/members/{id}/balance-changes", manage, "members.change_balance",
        [&members](const sdk::HttpRequest& request) {
            auto id = member_id(request);
            auto body = json_input::object_body(request.body);
            auto result = members.change_balance(id, body, actor(request));
            auto response = sdk::HttpResponse::ok(result);
            response.audit_target = member_target(id);
            response.audit_details = {{"package_id", body["package_id"]},
                                      {"change", body["change"]},
                                      {"units", result["balance"]["units"]},
                                      {"reason", body["reason"]}};
            return response;
        });

    add("GET", "/api/v1/sales", sdk::Access::permitted("sales.view"), "sales.list",
        [&database](const sdk::HttpRequest& request) {
            namespace query = query_parameters;
            SalesQuery sales_query{.day = query::date(request.query, "day"),
                                   .before_id = query::integer(request.query, "before_id", 1, max_id),
                                   .limit = query::integer(request.query, "limit", 1, 500).value_or(100)};
            return sdk::HttpResponse::ok(list_sales(database, sales_query));
        });
}

}  // namespace billing::host
