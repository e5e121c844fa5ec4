// The adb-control plugin: each station's Android TV driven through the adb
// server (wake, sleep, volume, HDMI input, the kiosk lock screen), by hand
// from the dashboard and automatically as sessions start and end.
// Protocol and routes: docs/protocols/adb-control.md.
#include <billing/sdk/sdk.hpp>

#include <memory>

#include "adb_controller.hpp"
#include "adb_routes.hpp"
#include "automations.hpp"

namespace {

using namespace billing::sdk;

class AdbControlPlugin : public Plugin {
public:
    void start(PluginContext& context) override {
        std::vector<std::string> problems;
        auto config = adb::AdbConfig::from_json(context.config(), problems);
        for (const auto& problem : problems) context.log().warn("configuration: " + problem + "; left out");
        controller_ = std::make_unique<adb::AdbController>(context, std::move(config));
        adb::add_routes(context.routes(), *controller_);
        adb::subscribe_automations(context.bus(), context.log(), *controller_);
    }

    void configure(const nlohmann::json& config) override {
        std::vector<std::string> problems;
        auto parsed = adb::AdbConfig::from_json(config, problems);
        if (!problems.empty()) throw ApiError(400, "invalid_config", problems.front());
        if (controller_) controller_->configure(std::move(parsed));
    }

    void stop() override { controller_.reset(); }

private:
    std::unique_ptr<adb::AdbController> controller_;
};

}  // namespace

BILLING_PLUGIN(AdbControlPlugin)
