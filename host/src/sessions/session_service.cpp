#include "sessions/session_service.hpp"

#include <algorithm>

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <billing/sdk/http.hpp>
#include <billing/sdk/settings.hpp>
#include <billing/sdk/topics.hpp>

#include "audit/audit_log.hpp"
#include "bus/event_bus.hpp"
#include "core/clock.hpp"
#include "catalog/package_store.hpp"
#include "catalog/station_store.hpp"
#include "members/balance_ledger.hpp"
#include "members/member_store.hpp"
#include "members/sales_book.hpp"
#include "pricing/business_calendar.hpp"
#include "pricing/tariff.hpp"
#include "sessions/session_clock.hpp"
#include "storage/database.hpp"

namespace billing::host {
namespace {

using sdk::ApiError;
constexpr std::int64_t kMinute = 60'000;
// A warning whose moment passed longer ago than this (the host was down)
// is skipped rather than sent late with the wrong number of minutes.
constexpr std::int64_t kWarningSlackMs = 5'000;

nlohmann::json station_ref_json(std::int64_t id, const std::string& code) { return {{"id", id}, {"code", code}}; }

}  // namespace

// What one transaction changed: the sessions to put back in memory (ended
// ones leave it), the events to publish, the answer to return.
struct SessionService::Outcome {
    std::vector<Session> changed;
    std::vector<std::pair<std::string, nlohmann::json>> events;
    nlohmann::json result;

    void publish(std::string topic, nlohmann::json payload) { events.emplace_back(std::move(topic), std::move(payload)); }
};

// The audit row a caller's change writes with it; the target, station and
// amount come from the session the change leaves.
struct SessionService::AuditedChange {
    const ChangeOrigin& origin;
    const char* action;
    int status;
    nlohmann::json details;  // the request's body

    AuditRecord row(const nlohmann::json& session) const {
        auto record = origin.audit_record(action, status);
        record.target = "session:" + std::to_string(session.at("id").get<std::int64_t>());
        record.details = details;
        record.details["station"] = session.at("station_code");
        record.details["amount"] = session.at("amount");
        return record;
    }
};

SessionService::SessionService(SessionServiceDependencies dependencies) : d_(dependencies) {}

void SessionService::on_schedule_change(std::function<void()> listener) { schedule_listener_ = std::move(listener); }

// Runs `work` in one write transaction under the lock; only after it
// committed are the sessions in memory updated and the events published
// (still under the lock, so they leave in the order the changes were made).
template <typename Work>
nlohmann::json SessionService::transact(const AuditedChange* audited, Work&& work) {
    Outcome outcome;
    {
        std::lock_guard lock(mutex_);
        d_.database.write([&](soci::session& sql) {
            work(sql, outcome);
            if (audited) AuditLog::insert(sql, audited->row(outcome.result));
        });
        for (auto& session : outcome.changed) {
            std::erase_if(live_by_station_, [&](const auto& entry) { return entry.second == session.id; });
            if (session.is_live()) {
                live_by_station_[session.station_id] = session.id;
                live_[session.id] = session;
            } else {
                live_.erase(session.id);
            }
        }
        if (!outcome.changed.empty()) ++version_;
        for (auto& [topic, payload] : outcome.events) d_.bus.publish(topic, std::move(payload), "host");
    }
    if (schedule_listener_ && !outcome.changed.empty()) schedule_listener_();
    return outcome.result;
}

void SessionService::recover() {
    std::vector<Session> loaded;
    d_.database.read([&](soci::session& sql) { loaded = session_records::load_live(sql); });
    {
        std::lock_guard lock(mutex_);
        live_.clear();
        live_by_station_.clear();
        for (auto& session : loaded) {
            live_by_station_[session.station_id] = session.id;
            live_[session.id] = std::move(session);
        }
        ++version_;
    }
    spdlog::info("sessions: {} live after start-up", loaded.size());
    // Whatever fell due while the host was down happens now, at the instant
    // it was due (a session ends at its true deadline, never later).
    run_due();
}

nlohmann::json SessionService::start(const nlohmann::json& body, const ChangeOrigin& origin) {
    const auto request = session_input::start(body);
    // Members live in the database: read before the write transaction.
    std::optional<Member> member;
    if (request.member_id) member = d_.members.get(*request.member_id);

    const auto& actor = origin.actor;
    const AuditedChange audited{origin, "sessions.start", 201, body};
    return transact(&audited, [&](soci::session& sql, Outcome& outcome) {
        const auto station = usable_station(request.station);
        const auto package_id = request.package_id ? request.package_id : station.tariff_package_id;
        if (!package_id)
            throw ApiError(400, "missing_field",
                           "package_id is required: station " + station.code + " has no open-play tariff");
        const auto package = d_.packages.get(*package_id);
        if (!package.active) throw ApiError(409, "package_inactive", "package " + package.name + " is not on sale");
        if (!package.fits(station.console_type))
            throw ApiError(409, "package_console_mismatch",
                           "package " + package.name + " is for " + package.console_type + ", station " +
                               station.code + " has a " + station.console_type);
        if (request.use_balance && package.is_open_play())
            throw ApiError(400, "invalid_field", "use_balance needs a fixed-duration package");

        const auto now = d_.clock.now_ms();
        Session session;
        session.station_id = station.id;
        session.station_code = station.code;
        if (member) {
            session.member_id = member->id;
            session.member_name = member->name;
        }
        session.package_id = package.id;
        session.package_name = package.name;
        session.kind = package.kind;
        session.payment = request.use_balance ? "balance" : "cash";
        session.started_by = actor;
        session.business_day = d_.calendar.day_of(now);
        session.started_at = now;
        if (!package.is_open_play()) session.deadline_at = now + *package.duration_minutes * kMinute;
        const LocalMinuteOf minute_of = [this](std::int64_t at) { return d_.calendar.local_minute_of_day(at); };
        if (!package.is_open_play() && !request.use_balance)
            session.amount = fixed_price(package.tariff(), minute_of, now);

        session.id = session_records::insert(sql, session);
        if (request.use_balance)
            change_member_units(sql, outcome, session, package.id, "used", "session on " + station.code, actor, now);
        if (session.amount > 0) record_session_sale(sql, session, "session", session.amount, package.id, actor, now);
        log(sql, session, now, "started", actor,
            {{"package_id", package.id}, {"payment", session.payment}, {"amount", session.amount}});

        outcome.changed.push_back(session);
        outcome.result = session.to_json(now);
        outcome.publish(sdk::topics::session_started, {{"session", outcome.result}, {"actor", actor}});
    });
}

nlohmann::json SessionService::extend(std::int64_t id, const nlohmann::json& body, const ChangeOrigin& origin) {
    const auto request = session_input::extend(body);
    const auto& actor = origin.actor;
    const AuditedChange audited{origin, "sessions.extend", 200, body};
    return transact(&audited, [&](soci::session& sql, Outcome& outcome) {
        auto session = live_copy(sql, id);
        if (session.is_open_play())
            throw ApiError(409, "session_open_play", "open play has no end to extend; it is charged when it stops");
        const auto now = d_.clock.now_ms();
        const LocalMinuteOf minute_of = [this](std::int64_t at) { return d_.calendar.local_minute_of_day(at); };
        const auto station = d_.stations.get(session.station_id);

        std::int64_t minutes = 0, amount = 0, package_id = session.package_id;
        std::string payment = "cash";
        if (request.minutes) {
            minutes = *request.minutes;
            amount = request.amount ? *request.amount
                                    : extension_price(d_.packages.get(session.package_id).tariff(), minute_of, now,
                                                      minutes);
        } else {
            const auto package = d_.packages.get(*request.package_id);
            if (!package.active) throw ApiError(409, "package_inactive", "package " + package.name + " is not on sale");
            if (package.is_open_play())
                throw ApiError(409, "package_open_play", "a session is extended with a fixed-duration package");
            if (!package.fits(station.console_type))
                throw ApiError(409, "package_console_mismatch",
                               "package " + package.name + " is for " + package.console_type + ", station " +
                                   station.code + " has a " + station.console_type);
            package_id = package.id;
            minutes = *package.duration_minutes;
            if (request.use_balance) {
                if (!session.member_id)
                    throw ApiError(409, "session_has_no_member", "a walk-in session has no balance to use");
                payment = "balance";
                change_member_units(sql, outcome, session, package.id, "used", "extension on " + station.code, actor,
                                    now);
            } else {
                amount = fixed_price(package.tariff(), minute_of, now);
            }
        }

        *session.deadline_at += minutes * kMinute;
        session.warned_minutes.reset();  // a new end: its warnings come again
        session.amount += amount;
        session_records::update(sql, session);
        if (amount > 0)
            record_session_sale(sql, session, "extension", amount, package_id, actor, now);
        nlohmann::json details = {{"minutes", minutes}, {"amount", amount}, {"package_id", package_id}, {"payment", payment}};
        log(sql, session, now, "extended", actor, details);

        outcome.changed.push_back(session);
        outcome.result = session.to_json(now);
        details["session"] = outcome.result;
        details["actor"] = actor;
        outcome.publish(sdk::topics::session_extended, std::move(details));
    });
}

nlohmann::json SessionService::pause(std::int64_t id, const ChangeOrigin& origin) {
    const auto& actor = origin.actor;
    const AuditedChange audited{origin, "sessions.pause", 200, nlohmann::json::object()};
    return transact(&audited, [&](soci::session& sql, Outcome& outcome) {
        auto session = live_copy(sql, id);
        if (session.is_paused()) throw ApiError(409, "session_paused", "session " + std::to_string(id) + " is already paused");
        const auto now = d_.clock.now_ms();
        session.paused_at = now;
        session_records::update(sql, session);
        const auto resumes_at = now + time_rules().max_pause_ms;
        log(sql, session, now, "paused", actor, {{"resumes_at", resumes_at}});
        outcome.changed.push_back(session);
        outcome.result = session.to_json(now);
        outcome.publish(sdk::topics::session_paused, {{"session", outcome.result},
                                                      {"resumes_at", format_iso8601_utc(resumes_at)},
                                                      {"actor", actor}});
    });
}

nlohmann::json SessionService::resume(std::int64_t id, const ChangeOrigin& origin) {
    const auto& actor = origin.actor;
    const AuditedChange audited{origin, "sessions.resume", 200, nlohmann::json::object()};
    return transact(&audited, [&](soci::session& sql, Outcome& outcome) {
        auto session = live_copy(sql, id);
        if (!session.is_paused()) throw ApiError(409, "session_not_paused", "session " + std::to_string(id) + " is not paused");
        const auto now = d_.clock.now_ms();
        resume_at(sql, session, now, "operator", actor, outcome);
        outcome.changed.push_back(session);
        outcome.result = session.to_json(now);
    });
}

nlohmann::json SessionService::move(std::int64_t id, const nlohmann::json& body, const ChangeOrigin& origin) {
    const auto target_ref = session_input::move(body);
    const auto& actor = origin.actor;
    const AuditedChange audited{origin, "sessions.move", 200, body};
    return transact(&audited, [&](soci::session& sql, Outcome& outcome) {
        auto session = live_copy(sql, id);
        const auto from = d_.stations.get(session.station_id);
        const auto target = usable_station(target_ref);
        const auto package = d_.packages.get(session.package_id);
        if (!package.fits(target.console_type))
            throw ApiError(409, "package_console_mismatch",
                           "package " + package.name + " is for " + package.console_type + ", station " +
                               target.code + " has a " + target.console_type);
        const auto now = d_.clock.now_ms();
        session.station_id = target.id;
        session.station_code = target.code;
        session_records::update(sql, session);
        const auto from_json = station_ref_json(from.id, from.code), to_json = station_ref_json(target.id, target.code);
        log(sql, session, now, "moved", actor, {{"from_station", from_json}, {"to_station", to_json}});
        outcome.changed.push_back(session);
        outcome.result = session.to_json(now);
        outcome.publish(sdk::topics::session_moved, {{"session", outcome.result},
                                                     {"from_station", from_json},
                                                     {"to_station", to_json},
                                                     {"actor", actor}});
    });
}

nlohmann::json SessionService::stop(std::int64_t id, const nlohmann::json& body, const ChangeOrigin& origin) {
    const auto request = session_input::stop(body);
    const auto& actor = origin.actor;
    const AuditedChange audited{origin, "sessions.stop", 200, body};
    return transact(&audited, [&](soci::session& sql, Outcome& outcome) {
        auto session = live_copy(sql, id);
        if (request.refund_unit && session.payment != "balance")
            throw ApiError(409, "refund_not_possible", "only a session paid with a member's balance can refund its unit");
        const auto now = d_.clock.now_ms();
        const auto amount_before = session.amount;
        end(sql, session, now, "stopped", actor, outcome);
        if (request.refund_unit)
            change_member_units(sql, outcome, session, session.package_id, "refunded",
                                "stopped early on " + session.station_code, actor, now);
        outcome.changed.push_back(session);
        outcome.result = session.to_json(now);
        outcome.result["amount_due"] = session.amount - amount_before;
        outcome.result["refunded_unit"] = request.refund_unit;
    });
}

nlohmann::json SessionService::get(std::int64_t id) const {
    {
        std::lock_guard lock(mutex_);
        if (auto it = live_.find(id); it != live_.end()) return it->second.to_json(d_.clock.now_ms());
    }
    std::optional<Session> found;
    d_.database.read([&](soci::session& sql) { found = session_records::find(sql, id); });
    if (!found) throw ApiError(404, "session_not_found", "no session has id " + std::to_string(id));
    return found->to_json(d_.clock.now_ms());
}

nlohmann::json SessionService::list(bool live_only, const session_records::Filter& filter) const {
    const auto now = d_.clock.now_ms();
    nlohmann::json sessions = nlohmann::json::array();
    if (live_only) {
        std::lock_guard lock(mutex_);
        for (const auto& [id, session] : live_) {
            if (filter.station_id && session.station_id != *filter.station_id) continue;
            if (filter.member_id && session.member_id != filter.member_id) continue;
            if (filter.business_day && session.business_day != *filter.business_day) continue;
            sessions.push_back(session.to_json(now));
        }
        return {{"sessions", sessions}};
    }
    std::vector<Session> found;
    d_.database.read([&](soci::session& sql) { found = session_records::list(sql, filter); });
    for (const auto& session : found) sessions.push_back(session.to_json(now));
    nlohmann::json next = found.size() == static_cast<std::size_t>(filter.limit) ? nlohmann::json(found.back().id)
                                                                                  : nlohmann::json(nullptr);
    return {{"sessions", sessions}, {"next_before_id", next}};
}

std::optional<Session> SessionService::live_on(std::int64_t station_id) const {
    std::lock_guard lock(mutex_);
    return live_on_locked(station_id);
}

std::optional<Session> SessionService::live_on_locked(std::int64_t station_id) const {
    auto it = live_by_station_.find(station_id);
    if (it == live_by_station_.end()) return std::nullopt;
    return live_.at(it->second);
}

std::optional<std::int64_t> SessionService::run_due() {
    const auto rules = time_rules();
    std::vector<std::int64_t> due;
    {
        std::lock_guard lock(mutex_);
        const auto now = d_.clock.now_ms();
        for (const auto& [id, session] : live_)
            if (auto at = due_at(session, now, rules); at && *at <= now) due.push_back(id);
    }
    if (!due.empty()) {
        transact(nullptr, [&](soci::session& sql, Outcome& outcome) {
            const auto now = d_.clock.now_ms();
            for (auto id : due) {
                auto it = live_.find(id);
                if (it == live_.end()) continue;  // stopped meanwhile
                auto session = it->second;
                bool changed = false;
                // A session can owe several steps at once after a restart: a
                // pause that ran out, then a deadline that passed.
                for (int step = 0; step < 4 && run_due_step(sql, session, now, rules, outcome); ++step) changed = true;
                if (changed) outcome.changed.push_back(session);
            }
        });
    }
    std::lock_guard lock(mutex_);
    const auto now = d_.clock.now_ms();
    std::optional<std::int64_t> next;
    for (const auto& [id, session] : live_)
        if (auto at = due_at(session, now, rules); at && (!next || *at < *next)) next = at;
    return next;
}

void SessionService::follow_clock_jump() {
    std::lock_guard lock(mutex_);
    const auto delta = d_.clock.detect_jump();
    if (!delta) return;
    spdlog::warn("the wall clock jumped by {} ms; {} live sessions keep their remaining time", *delta, live_.size());
    d_.database.write([&](soci::session& sql) { session_records::shift_live_instants(sql, *delta); });
    for (auto& [id, session] : live_) {
        session.started_at += *delta;
        if (session.deadline_at) *session.deadline_at += *delta;
        if (session.paused_at) *session.paused_at += *delta;
    }
    ++version_;
    d_.bus.publish(sdk::topics::host_clock_jumped, {{"delta_ms", *delta}}, "host");
}

bool SessionService::run_due_step(soci::session& sql, Session& session, std::int64_t now, const TimeRules& rules,
                                  Outcome& outcome) {
    if (!session.is_live()) return false;
    if (session.is_paused()) {
        const auto limit = *session.paused_at + rules.max_pause_ms;
        if (now < limit) return false;
        resume_at(sql, session, limit, "pause_limit", "host", outcome);
        return true;
    }
    if (session.deadline_at && *session.deadline_at <= now) {
        end(sql, session, *session.deadline_at, "expired", "host", outcome);
        return true;
    }
    const auto minutes = next_warning(session, now, rules);
    if (!minutes || *session.deadline_at - *minutes * kMinute > now) return false;
    session.warned_minutes = *minutes;
    session_records::update(sql, session);
    log(sql, session, now, "ending_soon", "host", {{"minutes_left", *minutes}});
    outcome.publish(sdk::topics::session_ending_soon,
                    {{"session", session.to_json(now)}, {"minutes_left", *minutes}});
    return true;
}

void SessionService::end(soci::session& sql, Session& session, std::int64_t at, const std::string& reason,
                         const std::string& actor, Outcome& outcome) {
    // A pause in progress ends with the session: it is not played time.
    if (session.paused_at) {
        session.paused_ms += std::max<std::int64_t>(0, at - *session.paused_at);
        session.paused_at.reset();
    }
    std::int64_t charge = 0;
    if (session.is_open_play()) {
        const LocalMinuteOf minute_of = [this](std::int64_t instant) { return d_.calendar.local_minute_of_day(instant); };
        session.ended_at = at;  // played_ms() counts up to the end
        charge = open_play_charge(d_.packages.get(session.package_id).tariff(), minute_of, session.started_at,
                                  session.played_ms(at));
        session.amount += charge;
    }
    session.ended_at = at;
    session.end_reason = reason;
    session.ended_by = actor;
    session_records::update(sql, session);
    if (charge > 0)
        record_session_sale(sql, session, "session", charge, session.package_id, actor, at);
    log(sql, session, at, "ended", actor,
        {{"reason", reason}, {"charge", charge}, {"amount", session.amount}, {"played_ms", session.played_ms(at)}});
    outcome.publish(sdk::topics::session_ended, {{"session", session.to_json(at)},
                                                 {"reason", reason},
                                                 {"charge", charge},
                                                 {"amount", session.amount},
                                                 {"actor", actor}});
}

void SessionService::resume_at(soci::session& sql, Session& session, std::int64_t at, const std::string& reason,
                               const std::string& actor, Outcome& outcome) {
    const auto paused_for = std::max<std::int64_t>(0, at - *session.paused_at);
    session.paused_ms += paused_for;
    if (session.deadline_at) *session.deadline_at += paused_for;
    session.paused_at.reset();
    session_records::update(sql, session);
    log(sql, session, at, "resumed", actor, {{"reason", reason}, {"paused_ms", paused_for}});
    outcome.publish(sdk::topics::session_resumed, {{"session", session.to_json(at)},
                                                   {"reason", reason},
                                                   {"paused_ms", paused_for},
                                                   {"actor", actor}});
}

void SessionService::change_member_units(soci::session& sql, Outcome& outcome, const Session& session,
                                         std::int64_t package_id, const std::string& kind, const std::string& reason,
                                         const std::string& actor, std::int64_t at) {
    const BalanceChange change{.member_id = *session.member_id,
                               .package_id = package_id,
                               .kind = kind,
                               .change = kind == "used" ? -1 : 1,
                               .actor = actor,
                               .reason = reason,
                               .session_id = session.id,
                               .sale_id = std::nullopt,
                               .at = at};
    const auto units = apply_balance_change(sql, change);
    outcome.publish(sdk::topics::member_balance_changed, balance_changed_payload(change, units));
}

void SessionService::record_session_sale(soci::session& sql, const Session& session, const std::string& kind,
                                         std::int64_t amount, std::int64_t package_id, const std::string& actor,
                                         std::int64_t at) {
    record_sale(sql, Sale{.at = at,
                          .business_day = session.business_day,
                          .kind = kind,
                          .amount = amount,
                          .operator_name = actor,
                          .member_id = session.member_id,
                          .package_id = package_id,
                          .session_id = session.id,
                          .station_id = session.station_id});
}

void SessionService::log(soci::session& sql, const Session& session, std::int64_t at, const std::string& event,
                         const std::string& actor, nlohmann::json details) {
    session_records::append_log(sql, {.at = at,
                                      .business_day = session.business_day,
                                      .session_id = session.id,
                                      .station_id = session.station_id,
                                      .member_id = session.member_id,
                                      .event = event,
                                      .actor = actor,
                                      .details = std::move(details)});
}

Session SessionService::live_copy(soci::session& sql, std::int64_t id) const {
    if (auto it = live_.find(id); it != live_.end()) return it->second;
    if (session_records::find(sql, id))
        throw ApiError(409, "session_ended", "session " + std::to_string(id) + " has already ended");
    throw ApiError(404, "session_not_found", "no session has id " + std::to_string(id));
}

Station SessionService::usable_station(const session_input::StationRef& ref) const {
    const auto station = ref.id ? d_.stations.find(*ref.id) : d_.stations.find_by_code(*ref.code);
    if (!station)
        throw ApiError(404, "station_not_found",
                       ref.id ? "no station has id " + std::to_string(*ref.id) : "no station has code " + *ref.code);
    if (!station->enabled) throw ApiError(409, "station_disabled", "station " + station->code + " is disabled");
    if (station->maintenance)
        throw ApiError(409, "station_in_maintenance", "station " + station->code + " is in maintenance");
    if (auto busy = live_on_locked(station->id))
        throw ApiError(409, "station_busy",
                       "station " + station->code + " already has session " + std::to_string(busy->id));
    return *station;
}

SessionService::TimeRules SessionService::time_rules() const {
    TimeRules rules;
    for (const auto& value : d_.settings.get("session_warning_minutes"))
        if (value.is_number_integer()) rules.warning_minutes.push_back(value.get<std::int64_t>());
    std::sort(rules.warning_minutes.rbegin(), rules.warning_minutes.rend());
    const auto pause = d_.settings.get("session_max_pause_minutes");
    rules.max_pause_ms = (pause.is_number_integer() ? pause.get<std::int64_t>() : 10) * kMinute;
    return rules;
}

std::optional<std::int64_t> SessionService::next_warning(const Session& session, std::int64_t now,
                                                         const TimeRules& rules) {
    if (!session.deadline_at) return std::nullopt;
    for (auto minutes : rules.warning_minutes) {
        if (session.warned_minutes && minutes >= *session.warned_minutes) continue;
        if (*session.deadline_at - minutes * kMinute >= now - kWarningSlackMs) return minutes;
    }
    return std::nullopt;
}

std::optional<std::int64_t> SessionService::due_at(const Session& session, std::int64_t now, const TimeRules& rules) {
    if (!session.is_live()) return std::nullopt;
    if (session.is_paused()) return *session.paused_at + rules.max_pause_ms;
    if (!session.deadline_at) return std::nullopt;
    if (auto minutes = next_warning(session, now, rules)) return *session.deadline_at - *minutes * kMinute;
    return *session.deadline_at;
}

}  // namespace billing::host
