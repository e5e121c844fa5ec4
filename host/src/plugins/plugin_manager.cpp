#include "plugins/plugin_manager.hpp"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include <spdlog/spdlog.h>

#include <billing/sdk/http.hpp>
#include <billing/sdk/plugin.hpp>
#include <billing/sdk/topics.hpp>

#include "auth/permission_catalog.hpp"
#include "bus/event_bus.hpp"
#include "bus/event_visibility.hpp"
#include "api/websocket_registry.hpp"
#include "core/executors.hpp"
#include "plugins/dependency_order.hpp"
#include "plugins/plugin_context.hpp"
#include "plugins/plugin_discovery.hpp"
#include "plugins/plugin_library.hpp"
#include "plugins/plugin_state_store.hpp"
#include "plugins/plugin_strand.hpp"

namespace billing::host {

namespace {

using nlohmann::json;
using sdk::ApiError;

enum class PluginState { stopped, running, faulted };

const char* state_name(PluginState state) {
    switch (state) {
        case PluginState::running: return "running";
        case PluginState::faulted: return "faulted";
        case PluginState::stopped: break;
    }
    return "stopped";
}

std::string joined(const std::vector<std::string>& ids) {
    std::string text;
    for (const auto& id : ids) text += (text.empty() ? "" : ", ") + id;
    return text;
}

struct ManagedPlugin {
    std::string id;
    std::filesystem::path directory;
    std::optional<PluginManifest> manifest;
    std::string refusal;  // non-empty: refused at discovery, never starts
    std::unique_ptr<PluginLibrary> library;
    std::unique_ptr<PluginStrand> strand;
    std::vector<std::string> required_by;

    // Changed under the plugin's strand lock and Impl::state_mutex; read
    // under either.
    bool enabled = false;
    PluginState state = PluginState::stopped;
    std::string reason;
    std::uint64_t generation = 0;  // one per start, so a late fault report of an old instance is ignored
    std::shared_ptr<PluginContext> context;
    PluginInstance instance{nullptr, nullptr};
};

// Keeps what a stuck plugin call may still be using (its instance, its
// context, its library) for the rest of the process: never destroyed,
// never unloaded.
// Reachable from a global, so leak checkers do not report it.
void keep_forever(std::shared_ptr<void> thing) {
    static std::mutex mutex;
    static auto* kept = new std::vector<std::shared_ptr<void>>();
    std::lock_guard lock(mutex);
    kept->push_back(std::move(thing));
}

// How often the watchdog looks for calls over their plugin's limit.
constexpr auto kWatchdogPeriod = std::chrono::milliseconds(250);

// The plugin of a (const or not) map, or 404.
template <class Plugins>
auto& find_in(Plugins& plugins, const std::string& id) {
    auto it = plugins.find(id);
    if (it == plugins.end()) throw ApiError(404, "plugin_not_found", "no plugin with id " + id);
    return it->second;
}

}  // namespace

struct PluginManager::Impl {
    PluginServices services;
    std::filesystem::path plugins_dir;
    PluginStateStore saved;
    // Filled once by start(), never reshaped afterwards.
    std::map<std::string, ManagedPlugin> plugins;
    std::vector<std::string> order;  // startable plugins, each after those it requires
    bool started = false;

    // One management operation (start, enable, configure...) at a time.
    std::mutex operation_mutex;
    mutable std::mutex state_mutex;

    Impl(PluginServices s, std::filesystem::path dir)
        : services(std::move(s)), plugins_dir(std::move(dir)), saved(services.database) {}

    // ---- discovery -------------------------------------------------------

    void discover() {
        for (auto& found : discover_plugins(plugins_dir)) {
            auto& plugin = plugins[found.id];
            plugin.id = found.id;
            plugin.directory = found.directory;
            plugin.manifest = std::move(found.manifest);
            plugin.refusal = found.error;
            plugin.strand = std::make_unique<PluginStrand>();
        }
        for (auto& [id, plugin] : plugins)
            if (plugin.refusal.empty()) declare(plugin);
        for (auto& [id, plugin] : plugins)
            if (plugin.refusal.empty()) load_library(plugin);
        resolve_order();
        for (auto& [id, plugin] : plugins) {
            if (!plugin.manifest) continue;
            for (const auto& required : plugin.manifest->required_plugins)
                if (auto it = plugins.find(required); it != plugins.end()) it->second.required_by.push_back(id);
        }
        for (auto& [id, plugin] : plugins) {
            if (!plugin.refusal.empty()) {
                spdlog::warn("plugin {} refused: {}", id, plugin.refusal);
                withdraw_declarations(id);
            }
        }
    }

    // The plugin's permissions join the catalog and its event rules the SSE
    // visibility; a clash with the host or another plugin refuses it.
    void declare(ManagedPlugin& plugin) {
        const auto& manifest = *plugin.manifest;
        const auto file = (plugin.directory / "plugin.json").string();
        const auto known = services.permissions.list();
        for (std::size_t i = 0; i < manifest.permissions.size(); ++i) {
            const auto& name = manifest.permissions[i].name;
            auto clash = std::find_if(known.begin(), known.end(), [&](const auto& p) { return p.name == name; });
            if (clash != known.end() && clash->owner != plugin.id) {
                plugin.refusal = file + ": permissions[" + std::to_string(i) + "].name \"" + name +
                                 "\" is already declared by " + clash->owner;
                return;
            }
        }
        for (const auto& permission : manifest.permissions)
            services.permissions.add({permission.name, permission.label, plugin.id});
        for (std::size_t i = 0; i < manifest.events.size(); ++i) {
            const auto& rule = manifest.events[i];
            const auto field = file + ": events[" + std::to_string(i) + "]";
            if (!services.permissions.contains(rule.permission)) {
                plugin.refusal = field + ".permission \"" + rule.permission + "\" is not a known permission";
                return;
            }
            try {
                services.visibility.add_rule(plugin.id, rule.prefix, sdk::Access::permitted(rule.permission));
            } catch (const std::invalid_argument& error) {
                plugin.refusal = field + ".prefix: " + error.what();
                return;
            }
        }
    }

    void withdraw_declarations(const std::string& id) {
        services.permissions.remove_owner(id);
        services.visibility.remove_owner(id);
    }

    void load_library(ManagedPlugin& plugin) {
        try {
            plugin.library =
                std::make_unique<PluginLibrary>(plugin.directory / plugin.manifest->library, host_abi());
        } catch (const PluginLoadError& error) {
            plugin.refusal = error.what();
        }
    }

    void resolve_order() {
        std::map<std::string, std::vector<std::string>> requires_by_plugin;
        std::map<std::string, std::string> refused;
        for (const auto& [id, plugin] : plugins) {
            if (plugin.refusal.empty())
                requires_by_plugin[id] = plugin.manifest->required_plugins;
            else
                refused[id] = plugin.refusal;
        }
        auto result = order_by_dependencies(requires_by_plugin, refused);
        for (const auto& [id, reason] : result.refused) plugins.at(id).refusal = reason;
        order = std::move(result.order);
    }

    bool saved_enabled(const ManagedPlugin& plugin) {
        auto state = saved.load(plugin.id);
        return state ? state->enabled : plugin.manifest && plugin.manifest->default_enabled;
    }

    // ---- state -----------------------------------------------------------

    ManagedPlugin& find(const std::string& id) { return find_in(plugins, id); }
    const ManagedPlugin& find(const std::string& id) const { return find_in(plugins, id); }

    PluginState state_of(const std::string& id) const {
        std::lock_guard lock(state_mutex);
        return plugins.at(id).state;
    }

    bool enabled_of(const std::string& id) const {
        std::lock_guard lock(state_mutex);
        return plugins.at(id).enabled;
    }

    void set_state(ManagedPlugin& plugin, PluginState state, std::string reason) {
        std::lock_guard lock(state_mutex);
        plugin.state = state;
        plugin.reason = std::move(reason);
    }

    void set_enabled_flag(ManagedPlugin& plugin, bool enabled) {
        std::lock_guard lock(state_mutex);
        plugin.enabled = enabled;
    }

    void publish(const char* topic, json payload) { services.bus.publish(topic, std::move(payload), "host"); }

    // ---- lifecycle (each with the plugin's strand lock held) -------------

    // Starts an enabled plugin whose requirements run; otherwise leaves it
    // stopped with the reason, or faulted if it fails.
    void start_plugin(ManagedPlugin& plugin) {
        if (!plugin.refusal.empty()) return;
        auto strand_lock = plugin.strand->lock();
        if (state_of(plugin.id) == PluginState::running) return;
        for (const auto& required : plugin.manifest->required_plugins) {
            if (state_of(required) != PluginState::running)
                return set_state(plugin, PluginState::stopped, "waiting for " + required + ", which is not running");
        }
        const auto& schema = plugin.manifest->config_schema;
        auto state = saved.load(plugin.id);
        auto config = schema.with_defaults(state ? state->config : json::object());
        if (auto error = schema.validate(config))
            return fail_start(plugin, "its saved configuration is invalid: " + error->message);

        PluginInstance instance{nullptr, nullptr};
        try {
            instance = plugin.library->create();
        } catch (const PluginLoadError& error) {
            return fail_start(plugin, error.what());
        }
        const auto generation = ++plugin.generation;
        auto guard = std::make_shared<PluginGuard>(
            plugin.id, plugin.strand->poster(),
            [this, id = plugin.id, generation](const std::string& reason) { on_fault(id, generation, reason); });
        auto context = std::make_shared<PluginContext>(services, guard, std::move(config));
        std::string failure;
        try {
            instance->start(*context);
        } catch (const std::exception& error) {
            failure = error.what();
        } catch (...) {
            failure = "a non-standard exception";
        }
        if (!failure.empty()) {
            halt(plugin.id, *context, *instance);
            return fail_start(plugin, "start() failed: " + failure);
        }
        {
            std::lock_guard lock(state_mutex);
            plugin.context = std::move(context);
            plugin.instance = std::move(instance);
            plugin.state = PluginState::running;
            plugin.reason.clear();
        }
        spdlog::info("plugin {} {} running", plugin.id, plugin.manifest->version);
        publish(sdk::topics::plugin_started, {{"id", plugin.id}, {"version", plugin.manifest->version}});
    }

    void fail_start(ManagedPlugin& plugin, const std::string& reason) {
        spdlog::error("plugin {} faulted: {}", plugin.id, reason);
        set_state(plugin, PluginState::faulted, reason);
        publish(sdk::topics::plugin_faulted, {{"id", plugin.id}, {"reason", reason}});
    }

    // Removes what the plugin registered, then lets it clean up.
    static void halt(const std::string& id, PluginContext& context, sdk::Plugin& instance) {
        context.close();
        try {
            instance.stop();
        } catch (const std::exception& error) {
            spdlog::warn("plugin {}: stop() threw: {}", id, error.what());
        } catch (...) {
            spdlog::warn("plugin {}: stop() threw a non-standard exception", id);
        }
    }

    // Takes the running instance out of the record, leaving `state`.
    std::pair<std::shared_ptr<PluginContext>, PluginInstance> detach(ManagedPlugin& plugin, PluginState state,
                                                                     std::string reason) {
        std::lock_guard lock(state_mutex);
        std::pair<std::shared_ptr<PluginContext>, PluginInstance> running{std::move(plugin.context),
                                                                          std::move(plugin.instance)};
        plugin.context.reset();
        plugin.state = state;
        plugin.reason = std::move(reason);
        return running;
    }

    // Leaves the plugin stopped; a faulted one loses its reason.
    void stop_plugin(ManagedPlugin& plugin) {
        auto strand_lock = plugin.strand->lock();
        auto [context, instance] = detach(plugin, PluginState::stopped, {});
        if (!context) return;
        halt(plugin.id, *context, *instance);
        spdlog::info("plugin {} stopped", plugin.id);
        publish(sdk::topics::plugin_stopped, {{"id", plugin.id}});
    }

    // The plugin threw: it stops, keeping the reason. Runs with the strand
    // lock held, by the strand job that caught the exception or by the
    // manager's own call.
    void fault(ManagedPlugin& plugin, const std::string& reason) {
        auto [context, instance] = detach(plugin, PluginState::faulted, reason);
        if (!context) return;
        spdlog::error("plugin {} faulted: {}", plugin.id, reason);
        halt(plugin.id, *context, *instance);
        publish(sdk::topics::plugin_faulted, {{"id", plugin.id}, {"reason", reason}});
    }

    void on_fault(const std::string& id, std::uint64_t generation, const std::string& reason) {
        auto& plugin = plugins.at(id);
        if (plugin.generation != generation) return;
        fault(plugin, reason);
    }

    // ---- watchdog ----------------------------------------------------------

    // A call into the plugin has run past its limit: the plugin is faulted
    // without calling it again (not even stop(), which would wait for the
    // stuck call or run beside it). What it registered goes, its guard
    // closes, and the requests queued behind the stuck call run on a fresh
    // lane, where they answer 503 plugin_unavailable. The stuck instance and
    // the context it holds are never deleted: the call may still return and
    // use them.
    void fault_stuck(ManagedPlugin& plugin, const std::string& reason) {
        auto [context, instance] = detach(plugin, PluginState::faulted, reason);
        if (!context) return;
        context->close();
        plugin.strand->abandon();
        keep_forever(std::shared_ptr<sdk::Plugin>(std::move(instance)));
        keep_forever(std::move(context));
        spdlog::error("plugin {} faulted: {}", plugin.id, reason);
        publish(sdk::topics::plugin_faulted, {{"id", plugin.id}, {"reason", reason}});
    }

    void check_calls() {
        for (auto& [id, plugin] : plugins) {
            if (!plugin.refusal.empty() || state_of(id) != PluginState::running) continue;
            const auto limit = plugin.manifest->call_limit;
            auto busy = plugin.strand->busy_for();
            if (!busy || *busy <= limit) continue;
            const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(*busy).count();
            fault_stuck(plugin, "blocked: a call into the plugin has not returned for " + std::to_string(seconds) +
                                    " s (its limit is " + std::to_string(limit.count()) + " s)");
        }
    }

    std::mutex watchdog_mutex;
    std::condition_variable watchdog_wakeup;
    bool watchdog_stopping = false;
    std::thread watchdog;

    void start_watchdog() {
        watchdog = std::thread([this] {
            std::unique_lock lock(watchdog_mutex);
            while (!watchdog_wakeup.wait_for(lock, kWatchdogPeriod, [&] { return watchdog_stopping; })) {
                lock.unlock();
                check_calls();
                lock.lock();
            }
        });
    }

    void stop_watchdog() {
        {
            std::lock_guard lock(watchdog_mutex);
            watchdog_stopping = true;
        }
        watchdog_wakeup.notify_all();
        if (watchdog.joinable()) watchdog.join();
    }

    // ---- relations -------------------------------------------------------

    // Ids reachable through `next`, in dependency order.
    std::vector<std::string> closure(const std::string& id,
                                     std::vector<std::string> (*next)(const ManagedPlugin&)) const {
        std::set<std::string> seen;
        std::vector<std::string> pending{id};
        while (!pending.empty()) {
            auto current = pending.back();
            pending.pop_back();
            for (const auto& other : next(plugins.at(current)))
                if (seen.insert(other).second) pending.push_back(other);
        }
        std::vector<std::string> ordered;
        for (const auto& candidate : order)
            if (seen.contains(candidate)) ordered.push_back(candidate);
        return ordered;
    }

    static std::vector<std::string> requirements(const ManagedPlugin& plugin) {
        return plugin.manifest ? plugin.manifest->required_plugins : std::vector<std::string>{};
    }
    static std::vector<std::string> dependents(const ManagedPlugin& plugin) { return plugin.required_by; }

    void enable(ManagedPlugin& plugin, bool cascade) {
        if (!plugin.refusal.empty())
            throw ApiError(409, "plugin_refused", plugin.id + " cannot be enabled: " + plugin.refusal);
        std::vector<std::string> not_running;
        for (const auto& required : closure(plugin.id, &requirements))
            if (!enabled_of(required) || state_of(required) != PluginState::running) not_running.push_back(required);
        if (!not_running.empty() && !cascade)
            throw ApiError(409, "plugin_requires_disabled",
                           plugin.id + " requires " + joined(not_running) +
                               ", which is not running; enable it first or use cascade");
        for (const auto& required : not_running) switch_on(plugins.at(required));
        switch_on(plugin);
        // Plugins that were waiting for this one can start now.
        for (const auto& id : order) {
            auto& waiting = plugins.at(id);
            if (enabled_of(id) && state_of(id) == PluginState::stopped) start_plugin(waiting);
        }
    }

    void switch_on(ManagedPlugin& plugin) {
        saved.save_enabled(plugin.id, true);
        set_enabled_flag(plugin, true);
        start_plugin(plugin);
    }

    void disable(ManagedPlugin& plugin, bool cascade) {
        std::vector<std::string> enabled_dependents;
        for (const auto& dependent : closure(plugin.id, &dependents))
            if (enabled_of(dependent)) enabled_dependents.push_back(dependent);
        if (!enabled_dependents.empty() && !cascade)
            throw ApiError(409, "plugin_required_by",
                           joined(enabled_dependents) + " require" + (enabled_dependents.size() == 1 ? "s " : " ") +
                               plugin.id + "; disable them first or use cascade");
        std::reverse(enabled_dependents.begin(), enabled_dependents.end());
        for (const auto& dependent : enabled_dependents) switch_off(plugins.at(dependent));
        switch_off(plugin);
    }

    void switch_off(ManagedPlugin& plugin) {
        saved.save_enabled(plugin.id, false);
        set_enabled_flag(plugin, false);
        stop_plugin(plugin);
    }

    void stop_in_reverse_order() {
        for (auto it = order.rbegin(); it != order.rend(); ++it) stop_plugin(plugins.at(*it));
    }

    // At shutdown: every job already queued has run, so none outlives the
    // host objects it uses; a library a stuck call may be inside stays
    // loaded.
    void settle_for_shutdown() {
        for (auto& [id, plugin] : plugins) {
            plugin.strand->drain();
            if (plugin.strand->has_abandoned() && plugin.library)
                keep_forever(std::shared_ptr<PluginLibrary>(std::move(plugin.library)));
        }
    }

    void start_enabled_in_order() {
        for (auto& [id, plugin] : plugins) set_enabled_flag(plugin, saved_enabled(plugin));
        for (const auto& id : order)
            if (enabled_of(id)) start_plugin(plugins.at(id));
    }

    // ---- configuration ---------------------------------------------------

    json effective_config(const ManagedPlugin& plugin) const {
        {
            std::lock_guard lock(state_mutex);
            if (plugin.context) return plugin.context->config();
        }
        auto state = saved.load(plugin.id);
        return plugin.manifest->config_schema.with_defaults(state ? state->config : json::object());
    }

    // Applies `config` to the running instance, if any. An ApiError from the
    // plugin refuses it; any other exception faults the plugin.
    void apply_config(ManagedPlugin& plugin, const json& config) {
        std::shared_ptr<PluginContext> context;
        sdk::Plugin* instance = nullptr;
        {
            std::lock_guard lock(state_mutex);
            context = plugin.context;
            instance = plugin.instance.get();
        }
        if (!context) return;
        std::string failure;
        try {
            instance->configure(config);
            context->set_config(config);
            return;
        } catch (const ApiError&) {
            throw;
        } catch (const std::exception& error) {
            failure = error.what();
        } catch (...) {
            failure = "a non-standard exception";
        }
        fault(plugin, "configure() failed: " + failure);
        throw ApiError(500, "plugin_faulted",
                       "plugin " + plugin.id + " failed while applying the configuration and was stopped");
    }

    // ---- API shape -------------------------------------------------------

    json describe_locked(const ManagedPlugin& plugin) const {
        const bool refused = !plugin.refusal.empty();
        const auto state = refused ? PluginState::faulted : plugin.state;
        const auto& reason = refused ? plugin.refusal : plugin.reason;
        auto stats = services.bus.stats(plugin.id);
        json entry = {
            {"id", plugin.id},
            {"name", plugin.manifest ? plugin.manifest->name : plugin.id},
            {"version", plugin.manifest ? plugin.manifest->version : ""},
            {"description", plugin.manifest ? plugin.manifest->description : ""},
            {"state", state_name(state)},
            {"reason", reason.empty() ? json(nullptr) : json(reason)},
            {"enabled", plugin.enabled},
            {"requires", requirements(plugin)},
            {"required_by", plugin.required_by},
            {"permissions", json::array()},
            {"web", plugin.manifest ? plugin.manifest->web : json(nullptr)},
            {"sdk_abi", plugin.manifest ? plugin.manifest->sdk_abi() : ""},
            {"bus", {{"delivered", stats.delivered}, {"dropped", stats.dropped}, {"queued", stats.queued}}},
            {"routes", plugin.context ? plugin.context->route_count() : 0},
            {"websockets", plugin.context ? plugin.context->websocket_count() : 0},
            {"connections", services.websockets.connection_count(plugin.id)},
        };
        if (plugin.manifest)
            for (const auto& permission : plugin.manifest->permissions)
                entry["permissions"].push_back({{"name", permission.name}, {"label", permission.label}});
        return entry;
    }
};

PluginManager::PluginManager(PluginServices services, std::filesystem::path plugins_dir)
    : impl_(std::make_unique<Impl>(std::move(services), std::move(plugins_dir))) {}

PluginManager::~PluginManager() {
    stop_all();
    // Running until the plugins are stopped, so a stuck one cannot hold up
    // the shutdown for longer than its limit.
    impl_->stop_watchdog();
    impl_->settle_for_shutdown();
}

void PluginManager::start() {
    std::lock_guard operation(impl_->operation_mutex);
    if (impl_->started) return;
    impl_->started = true;
    impl_->discover();
    impl_->start_watchdog();
    spdlog::info("plugins: {} found in {}, start order: {}", impl_->plugins.size(), impl_->plugins_dir.string(),
                 joined(impl_->order));
    impl_->start_enabled_in_order();
}

void PluginManager::stop_all() {
    std::lock_guard operation(impl_->operation_mutex);
    impl_->stop_in_reverse_order();
}

void PluginManager::restart_all() {
    std::lock_guard operation(impl_->operation_mutex);
    impl_->stop_in_reverse_order();
    impl_->start_enabled_in_order();
}

nlohmann::json PluginManager::list() const {
    std::lock_guard lock(impl_->state_mutex);
    auto plugins = json::array();
    for (const auto& [id, plugin] : impl_->plugins) plugins.push_back(impl_->describe_locked(plugin));
    return {{"plugins", std::move(plugins)}};
}

nlohmann::json PluginManager::describe(const std::string& id) const {
    const auto& plugin = impl_->find(id);
    std::lock_guard lock(impl_->state_mutex);
    return impl_->describe_locked(plugin);
}

nlohmann::json PluginManager::set_enabled(const std::string& id, bool enabled, bool cascade) {
    {
        std::lock_guard operation(impl_->operation_mutex);
        auto& plugin = impl_->find(id);
        if (enabled)
            impl_->enable(plugin, cascade);
        else
            impl_->disable(plugin, cascade);
    }
    return describe(id);
}

nlohmann::json PluginManager::web_pages(const sdk::UserInfo& user) const {
    std::lock_guard lock(impl_->state_mutex);
    auto pages = json::array();
    for (const auto& [id, plugin] : impl_->plugins) {
        if (plugin.state != PluginState::running || !plugin.manifest || plugin.manifest->web.is_null()) continue;
        const auto& web = plugin.manifest->web;
        const auto permission = web.value("permission", std::string{});
        if (!permission.empty() && !user.has(permission)) continue;
        pages.push_back({{"plugin", id},
                         {"name", plugin.manifest->name},
                         {"title", web.at("title")},
                         {"url", "/plugin-web/" + id + "/" + web.at("path").get<std::string>().substr(1)}});
    }
    return {{"pages", std::move(pages)}};
}

std::filesystem::path PluginManager::web_root(const std::string& id) const {
    std::lock_guard lock(impl_->state_mutex);
    auto it = impl_->plugins.find(id);
    if (it == impl_->plugins.end()) return {};
    const auto& plugin = it->second;
    if (plugin.state != PluginState::running || !plugin.manifest || plugin.manifest->web.is_null()) return {};
    return plugin.directory / "web";
}

nlohmann::json PluginManager::config(const std::string& id) const {
    const auto& plugin = impl_->find(id);
    if (!plugin.manifest) throw ApiError(409, "plugin_refused", id + " has no usable manifest: " + plugin.refusal);
    return {{"config", impl_->effective_config(plugin)}, {"schema", plugin.manifest->config_schema.json()}};
}

nlohmann::json PluginManager::set_config(const std::string& id, const nlohmann::json& config) {
    json effective;
    {
        std::lock_guard operation(impl_->operation_mutex);
        auto& plugin = impl_->find(id);
        if (!plugin.manifest)
            throw ApiError(409, "plugin_refused", id + " has no usable manifest: " + plugin.refusal);
        const auto& schema = plugin.manifest->config_schema;
        effective = schema.with_defaults(config);
        if (auto error = schema.validate(effective)) throw ApiError(400, "invalid_config", error->message);

        auto strand_lock = plugin.strand->lock();
        auto previous = impl_->effective_config(plugin);
        impl_->apply_config(plugin, effective);
        try {
            impl_->saved.save_config(id, config, impl_->enabled_of(id));
        } catch (...) {
            // Not saved: the running plugin goes back to what is saved.
            try {
                impl_->apply_config(plugin, previous);
            } catch (const std::exception& error) {
                spdlog::warn("plugin {}: restoring its configuration failed: {}", id, error.what());
            }
            throw;
        }
    }
    impl_->publish(sdk::topics::plugin_configured, {{"id", id}, {"config", effective}});
    return this->config(id);
}

}  // namespace billing::host
