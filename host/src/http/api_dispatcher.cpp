#include "http/api_dispatcher.hpp"

#include <spdlog/spdlog.h>

#include "api/router.hpp"
#include "audit/audit_log.hpp"
#include "audit/change_origin.hpp"
#include "core/executors.hpp"
#include "storage/database.hpp"

namespace billing::host {

namespace {

// The audit action of a request no route took.
constexpr const char* unrouted_action = "api.unrouted";

// The answer to a request whose writes committed but could not be confirmed
// on the disk: the change is there now, but may not survive a power cut.
sdk::HttpResponse flush_failure_response(std::exception_ptr failure) {
    std::string reason = "unknown error";
    try {
        std::rethrow_exception(failure);
    } catch (const std::exception& error) {
        reason = error.what();
    } catch (...) {
    }
    spdlog::error("a request's writes could not be flushed to the disk: {}", reason);
    return sdk::HttpResponse::error(503, "database_unavailable",
                                    "the change was saved but could not be confirmed on the disk: " + reason);
}

}  // namespace

ApiDispatcher::ApiDispatcher(HttpServices services, std::size_t default_body_limit)
    : services_(services),
      gate_(services.authenticator),
      workers_(services.executors.worker_poster()),
      default_body_limit_(default_body_limit) {}

std::size_t ApiDispatcher::body_limit(const std::string& method, const std::string& path) const {
    auto match = services_.router.match(method, path);
    if (match.route && match.route->body_limit != 0) return match.route->body_limit;
    return default_body_limit_;
}

void ApiDispatcher::dispatch(sdk::HttpRequest request, Reply reply) {
    auto match = services_.router.match(request.method, request.path);
    if (!match.route) {
        auto response = match.path_exists
                             ? sdk::HttpResponse::error(405, "method_not_allowed",
                                                        request.method + " is not allowed on " + request.path)
                             : sdk::HttpResponse::error(404, "not_found", "no API route " + request.path);
        refuse(std::move(request), std::move(response), std::move(reply));
        return;
    }
    request.path_params = std::move(match.params);
    match.route->poster([this, route = match.route, request = std::move(request), reply = std::move(reply)]() mutable {
        answer(*route, request, reply);
    });
}

void ApiDispatcher::refuse(sdk::HttpRequest request, sdk::HttpResponse refusal, Reply reply) {
    if (!is_mutating(request.method)) {
        conclude(unrouted_action, request, refusal, /*audited=*/false);
        reply(std::move(refusal));
        return;
    }
    // Recording it writes to the database: not on this network thread.
    auto match = services_.router.match(request.method, request.path);
    std::string action = match.route ? match.route->action : unrouted_action;
    workers_([this, action = std::move(action), request = std::move(request), refusal = std::move(refusal),
              reply = std::move(reply)]() mutable {
        conclude(action, request, refusal, /*audited=*/false);
        reply(std::move(refusal));
    });
}

void ApiDispatcher::authorize(sdk::Access access, sdk::HttpRequest request,
                              std::function<void(AccessGate::Decision)> done) {
    workers_([this, access = std::move(access), request = std::move(request), done = std::move(done)] {
        done(gate_.check(access, request, /*allow_query_token=*/true));
    });
}

void ApiDispatcher::answer(const Route& route, sdk::HttpRequest& request, const Reply& reply) {
    // What the request writes commits without waiting for the disk; the
    // answer waits instead, so this thread goes on with the next request and
    // the requests of this moment share one flush of the log.
    DeferredDurability durability;
    auto decision = gate_.check(route.access, request, /*allow_query_token=*/false);
    request.user = std::move(decision.user);
    auto response = decision.refusal ? std::move(*decision.refusal) : run_handler(route, request);
    const bool audited = route.audits_its_changes && !decision.refusal && response.status < 400;
    conclude(route.action, request, response, audited);
    durability.then([reply, response = std::move(response)](std::exception_ptr failure) mutable {
        if (failure) response = flush_failure_response(failure);
        reply(std::move(response));
    });
}

sdk::HttpResponse ApiDispatcher::run_handler(const Route& route, const sdk::HttpRequest& request) {
    try {
        return route.handler(request);
    } catch (const sdk::ApiError& error) {
        return error.response();
    } catch (const DatabaseError& error) {
        spdlog::error("{} {} ({}): database error: {}", request.method, request.path, route.owner, error.what());
        return sdk::HttpResponse::error(503, "database_unavailable", error.what());
    } catch (const std::exception& error) {
        spdlog::error("{} {} ({}) failed: {}", request.method, request.path, route.owner, error.what());
    } catch (...) {
        spdlog::error("{} {} ({}) failed with a non-standard exception", request.method, request.path, route.owner);
    }
    return sdk::HttpResponse::error(500, "internal_error", "the server failed to handle " + request.path);
}

// Runs on a worker thread or the route's strand: the audit row is a database
// write.
void ApiDispatcher::conclude(const std::string& action, const sdk::HttpRequest& request,
                             sdk::HttpResponse& response, bool audited) {
    response.headers.emplace_back("Cache-Control", "no-store");
    if (!is_mutating(request.method) || audited) return;
    auto record = ChangeOrigin::of(request).audit_record(action, response.status);
    record.target = response.audit_target;
    if (response.audit_details.is_object()) record.details = response.audit_details;
    try {
        services_.audit.record(record);
    } catch (const std::exception& error) {
        spdlog::error("could not audit {} {} by {}: {}", request.method, request.path, record.actor, error.what());
    }
}

}  // namespace billing::host
