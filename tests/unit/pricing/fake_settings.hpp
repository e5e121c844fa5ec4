#pragma once
// Settings held in memory, changed by the test at will: the shop's calendar
// reads them on every call.
#include <mutex>
#include <string>

#include <billing/sdk/settings.hpp>
#include <nlohmann/json.hpp>

namespace billing::test {

class FakeSettings : public sdk::Settings {
public:
    explicit FakeSettings(std::string time_zone = "Asia/Jakarta", std::string business_day_start = "06:00") {
        set("time_zone", std::move(time_zone));
        set("business_day_start", std::move(business_day_start));
    }

    nlohmann::json all() const override {
        std::lock_guard lock(mutex_);
        return values_;
    }
    nlohmann::json get(const std::string& key) const override {
        std::lock_guard lock(mutex_);
        return values_.contains(key) ? values_[key] : nlohmann::json(nullptr);
    }
    void set(const std::string& key, nlohmann::json value) {
        std::lock_guard lock(mutex_);
        values_[key] = std::move(value);
    }

private:
    mutable std::mutex mutex_;
    nlohmann::json values_ = nlohmann::json::object();
};

}  // namespace billing::test
