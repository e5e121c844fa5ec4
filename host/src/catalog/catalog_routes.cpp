#include "catalog/catalog_routes.hpp"

#include <billing/sdk/http.hpp>

#include "api/json_input.hpp"
#include "api/query_parameters.hpp"
#include "api/router.hpp"
#include "catalog/changed_fields.hpp"
#include "catalog/package_store.hpp"
#include "catalog/station_store.hpp"

namespace billing::host {

namespace {

using sdk::HttpRequest;
using sdk::HttpResponse;

// Routes needing a permission always have a signed-in user; "anonymous"
// only guards against a route wired without one.
std::string actor_of(const HttpRequest& request) {
    return request.user ? request.user->username : std::string("anonymous");
}

std::int64_t path_id(const HttpRequest& request, const char* what) {
    return json_input::id_parameter(request.path_params.at("id"), what);
}

// The audit trail names the fields that really changed, like the event.
nlohmann::json changed_details(const nlohmann::json& before, const nlohmann::json& after) {
    return {{"changed", changed_fields(before, after)}};
}

HttpResponse audited(HttpResponse response, std::string target, nlohmann::json details) {
    response.audit_target = std::move(target);
    response.audit_details = std::move(details);
    return response;
}

std::string station_target(std::int64_t id) { return "station:" + std::to_string(id); }
std::string package_target(std::int64_t id) { return "package:" + std::to_string(id); }

// ?active=true|false|all (default all).
std::vector<Package> packages_filtered(const PackageStore& packages, const HttpRequest& request) {
    const auto filter = query_parameters::choice(request.query, "active", {"true", "false", "all"}).value_or("all");
    if (filter == "all") return packages.list(true);
    if (filter == "true") return packages.list(false);
    auto inactive = packages.list(true);
    std::erase_if(inactive, [](const Package& p) { return p.active; });
    return inactive;
}

void add_station_routes(Router& router, const Poster& workers, StationStore& stations) {
    const auto manage = sdk::Access::permitted("stations.manage");
    router.add(Route{.method = "POST",
                     .pattern = "/api/v1/stations",
                     .access = manage,
                     .action = "stations.create",
                     .handler =
                         [&stations](const HttpRequest& request) {
                             auto station = stations.create(json_input::object_body(request.body), actor_of(request));
                             return audited(HttpResponse::created(station), station_target(station.id),
                                            {{"code", station.code}, {"console_type", station.console_type}});
                         },
                     .poster = workers});
    router.add(Route{.method = "PUT",
                     .pattern = "/api/v1/stations/{id}",
                     .access = manage,
                     .action = "stations.update",
                     .handler =
                         [&stations](const HttpRequest& request) {
                             const auto id = path_id(request, "station");
                             const auto before = stations.get(id);
                             auto after = stations.update(id, json_input::object_body(request.body), actor_of(request));
                             return audited(HttpResponse::ok(after), station_target(id), changed_details(before, after));
                         },
                     .poster = workers});
    router.add(Route{.method = "DELETE",
                     .pattern = "/api/v1/stations/{id}",
                     .access = manage,
                     .action = "stations.delete",
                     .handler =
                         [&stations](const HttpRequest& request) {
                             const auto id = path_id(request, "station");
                             const auto code = stations.get(id).code;
                             stations.remove(id, actor_of(request));
                             return audited(HttpResponse::no_content(), station_target(id), {{"code", code}});
                         },
                     .poster = workers});
}

void add_package_routes(Router& router, const Poster& workers, PackageStore& packages) {
    const auto manage = sdk::Access::permitted("packages.manage");
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/packages",
                     .access = sdk::Access::signed_in(),
                     .action = "packages.view",
                     .handler =
                         [&packages](const HttpRequest& request) {
                             return HttpResponse::ok({{"packages", packages_filtered(packages, request)}});
                         },
                     .poster = workers});
    router.add(Route{.method = "GET",
                     .pattern = "/api/v1/packages/{id}",
                     .access = sdk::Access::signed_in(),
                     .action = "packages.view",
                     .handler =
                         [&packages](const HttpRequest& request) {
                             return HttpResponse::ok(packages.get(path_id(request, "package")));
                         },
                     .poster = workers});
    router.add(Route{.method = "POST",
                     .pattern = "/api/v1/packages",
                     .access = manage,
                     .action = "packages.create",
                     .handler =
                         [&packages](const HttpRequest& request) {
                             auto package = packages.create(json_input::object_body(request.body), actor_of(request));
                             return audited(HttpResponse::created(package), package_target(package.id),
                                            {{"name", package.name}, {"kind", package.kind}, {"price", package.price}});
                         },
                     .poster = workers});
    router.add(Route{.method = "PUT",
                     .pattern = "/api/v1/packages/{id}",
                     .access = manage,
                     .action = "packages.update",
                     .handler =
                         [&packages](const HttpRequest& request) {
                             const auto id = path_id(request, "package");
                             const auto before = packages.get(id);
                             auto after = packages.update(id, json_input::object_body(request.body), actor_of(request));
                             return audited(HttpResponse::ok(after), package_target(id), changed_details(before, after));
                         },
                     .poster = workers});
}

}  // namespace

void register_catalog_routes(Router& router, const Poster& workers, StationStore& stations, PackageStore& packages) {
    add_station_routes(router, workers, stations);
    add_package_routes(router, workers, packages);
}

}  // namespace billing::host
