#pragma once
// A member store on a fresh migrated database with real packages, a real
// calendar and a bus whose member.* events are recorded as published.
#include <mutex>
#include <string>
#include <vector>

#include <billing/sdk/http.hpp>
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "bus/event_bus.hpp"
#include "catalog/package_store.hpp"
#include "members/member_store.hpp"
#include "pricing/business_calendar.hpp"
#include "unit/pricing/fake_settings.hpp"
#include "unit/storage/migrated_database.hpp"

namespace billing::test {

class MembersFixture : public ::testing::Test {
protected:
    MembersFixture() {
        // Handlers run on the publisher's thread, as soon as it publishes.
        bus.subscribe("test", "member.*", [this](const sdk::Event& event) {
            std::lock_guard lock(events_mutex);
            events_.push_back(event);
        }, [](std::function<void()> job) { job(); });
    }

    host::Package fixed_package(const std::string& name, std::int64_t price, int minutes = 60) {
        return packages.create({{"name", name}, {"console_type", "PS4"}, {"kind", "fixed"},
                                {"duration_minutes", minutes}, {"price", price}},
                               "admin");
    }
    host::Package open_package(const std::string& name, std::int64_t price_per_hour) {
        return packages.create({{"name", name}, {"console_type", "any"}, {"kind", "open"}, {"price", price_per_hour}},
                               "admin");
    }
    host::Member member(const std::string& name, const std::string& phone) {
        return members.create({{"name", name}, {"phone", phone}}, "kasir");
    }

    std::vector<sdk::Event> recorded_events() {
        std::lock_guard lock(events_mutex);
        return events_;
    }
    std::vector<std::string> recorded_topics() {
        std::vector<std::string> topics;
        for (const auto& event : recorded_events()) topics.push_back(event.topic);
        return topics;
    }
    void forget_events() {
        std::lock_guard lock(events_mutex);
        events_.clear();
    }

    // Every row of the tables this module writes, to show that a refused
    // call changed nothing.
    std::string snapshot() {
        std::string text;
        db.database.read([&](soci::session& session) {
            for (const char* query :
                 {"SELECT COALESCE(group_concat(id || '|' || name || '|' || phone || '|' || notes || '|' || updated_at, ';'), '') FROM members",
                  "SELECT COALESCE(group_concat(member_id || '|' || package_id || '|' || units, ';'), '') FROM member_balances",
                  "SELECT COALESCE(group_concat(id || '|' || kind || '|' || change || '|' || units_after, ';'), '') FROM balance_history",
                  "SELECT COALESCE(group_concat(id || '|' || amount || '|' || units, ';'), '') FROM sales"}) {
                std::string rows;
                session << query, soci::into(rows);
                text += rows + "\n";
            }
        });
        return text;
    }

    // The code of the ApiError `call` throws, "" if it throws none.
    template <class Call>
    static std::string refusal(Call call) {
        try {
            call();
        } catch (const sdk::ApiError& error) {
            return error.code();
        }
        return "";
    }

    // The code of the ApiError `call` throws, checking that it changed no
    // row and published no event.
    template <class Call>
    std::string refusal_changing_nothing(Call call) {
        auto before = snapshot();
        auto events_before = recorded_events().size();
        auto code = refusal(call);
        EXPECT_EQ(snapshot(), before) << code;
        EXPECT_EQ(recorded_events().size(), events_before) << code;
        return code;
    }

    MigratedDatabase db;
    host::EventBus bus;
    std::mutex events_mutex;
    std::vector<sdk::Event> events_;
    host::PackageStore packages{db.database, bus};
    FakeSettings settings;
    host::BusinessCalendar calendar{settings};
    host::MemberStore members{db.database, bus, packages, calendar};
};

}  // namespace billing::test
