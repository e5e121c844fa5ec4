#include "server_gate.hpp"

#include "adb_failure.hpp"
#include "wall_clock.hpp"

namespace adb {

ServerGate::ServerGate(ServerSettings settings) : settings_(std::move(settings)), launcher_(settings_.adb_path) {}

void ServerGate::ensure_running(bool may_start, const std::atomic<bool>& cancelled) {
    AdbServerClient client(settings_.address, settings_.timeout, cancelled);
    try {
        record("running", client.version(), "");
        return;
    } catch (const AdbFailure& failure) {
        if (failure.kind() != FailureKind::server_unavailable) throw;
        if (!may_start || !settings_.start_server || !launcher_.find()) {
            lost(failure.what());
            throw AdbFailure(FailureKind::server_unavailable, describe().at("message").get<std::string>());
        }
    }
    std::lock_guard start(start_mutex_);
    // Another worker may have started it meanwhile.
    try {
        record("running", client.version(), "");
        return;
    } catch (const AdbFailure& failure) {
        if (failure.kind() != FailureKind::server_unavailable) throw;
    }
    if (auto problem = launcher_.start_server(settings_.address.port, settings_.timeout, cancelled); !problem.empty()) {
        lost(problem);
        throw AdbFailure(FailureKind::server_unavailable, problem);
    }
    try {
        record("running", client.version(), "");
    } catch (const AdbFailure& failure) {
        lost(std::string("adb start-server ran but the server does not answer: ") + failure.what());
        throw;
    }
}

void ServerGate::lost(const std::string& message) {
    if (!launcher_.find())
        record("unavailable", std::nullopt,
               message + "; adb is not installed (\"" + settings_.adb_path + "\" not found): install the adb package");
    else if (!settings_.start_server)
        record("unavailable", std::nullopt, message + "; starting the server is turned off (start_server)");
    else
        record("not_running", std::nullopt, message);
}

bool ServerGate::known_unavailable() const {
    std::lock_guard lock(mutex_);
    return state_ == "unavailable";
}

nlohmann::json ServerGate::describe() const {
    const auto program = launcher_.find();
    std::lock_guard lock(mutex_);
    return {{"address", settings_.address.host},
            {"port", settings_.address.port},
            {"state", state_},
            {"version", version_ ? nlohmann::json(*version_) : nlohmann::json(nullptr)},
            {"adb_installed", program.has_value()},
            {"adb_path", program ? *program : settings_.adb_path},
            {"start_server", settings_.start_server},
            {"message", message_.empty() ? nlohmann::json(nullptr) : nlohmann::json(message_)},
            {"checked_at_ms", checked_at_ms_ ? nlohmann::json(checked_at_ms_) : nlohmann::json(nullptr)}};
}

void ServerGate::record(const std::string& state, std::optional<int> version, const std::string& message) {
    std::lock_guard lock(mutex_);
    state_ = state;
    version_ = version;
    message_ = message;
    checked_at_ms_ = now_ms();
}

}  // namespace adb
