// Hello: the smallest complete plugin. It answers
//   GET /api/v1/plugins/hello/greeting?name=Budi  ->  {"message":"Halo, Budi!", ...}
// counts the session events it sees on the bus, announces each greeting as
// hello.greeted, and takes a new greeting from its configuration without a
// restart.
#include <algorithm>
#include <cctype>

#include <billing/sdk/sdk.hpp>

namespace {

using namespace billing::sdk;

class HelloPlugin : public Plugin {
public:
    void start(PluginContext& context) override {
        context_ = &context;
        configure(context.config());
        context.routes().add("GET", "/greeting", Access::permitted("hello.greet"),
                             [this](const HttpRequest& request) { return greet(request); });
        context.bus().subscribe("session.*", [this](const Event&) { ++sessions_seen_; });
        context.log().info("hello is ready");
    }

    void configure(const nlohmann::json& config) override {
        greeting_ = config.at("greeting").get<std::string>();
        shout_ = config.at("shout").get<bool>();
    }

private:
    HttpResponse greet(const HttpRequest& request) {
        auto name = request.query.count("name") ? request.query.at("name") : std::string("teman");
        if (name.size() > 40) throw ApiError(400, "invalid_field", "name must be at most 40 characters");
        auto message = greeting_ + ", " + name + "!";
        if (shout_)
            std::transform(message.begin(), message.end(), message.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        context_->bus().publish("hello.greeted", {{"name", name}});
        return HttpResponse::ok({{"message", message}, {"sessions_seen", sessions_seen_}});
    }

    PluginContext* context_ = nullptr;
    std::string greeting_;
    bool shout_ = false;
    long long sessions_seen_ = 0;
};

}  // namespace

BILLING_PLUGIN(HelloPlugin)
