#include "plugins/plugin_guard.hpp"

#include <exception>

namespace billing::host {

PluginGuard::PluginGuard(std::string plugin_id, Poster poster, FaultHandler on_fault)
    : plugin_id_(std::move(plugin_id)), poster_(std::move(poster)), on_fault_(std::move(on_fault)) {}

bool PluginGuard::call(const std::function<void()>& plugin_code) {
    if (closed_) return false;
    // The message is copied into host memory before the plugin is stopped.
    std::string reason;
    try {
        plugin_code();
        return true;
    } catch (const std::exception& error) {
        reason = error.what();
    } catch (...) {
        reason = "a non-standard exception";
    }
    fault(reason);
    return false;
}

void PluginGuard::fault(const std::string& reason) {
    if (closed_.exchange(true)) return;
    on_fault_(reason);
}

}  // namespace billing::host
