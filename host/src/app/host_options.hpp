#pragma once
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>

namespace billing::host {

// Everything the executable is told: built-in defaults, overridden by the
// config file (config/billing.json), overridden by command-line flags.
struct HostOptions {
    std::filesystem::path config_file;  // the file read, empty if none
    std::filesystem::path data_dir = "data";
    std::filesystem::path plugins_dir;  // default: <exe>/../lib/billing-host/plugins
    std::filesystem::path web_dir;      // default: <exe>/../share/billing-host/web
    std::string bind_address = "0.0.0.0";
    unsigned short port = 8080;
    std::string log_level = "info";
    int network_threads = 2;
    int worker_threads = 2;
    std::size_t body_limit = 1 << 20;
    std::size_t header_limit = 16 * 1024;
    std::chrono::seconds request_timeout{30};
    std::chrono::seconds idle_timeout{60};
    std::chrono::seconds shutdown_grace{10};
    std::size_t bus_queue_limit = 1024;
    std::chrono::seconds sse_heartbeat{15};
    std::size_t connection_queue_limit = 256;
    std::chrono::hours token_lifetime{24};
};

// What parsing the command line decided: run with these options, or exit
// now with this code after printing `message` (help, version, an error).
struct CommandLine {
    bool run = false;
    int exit_code = 0;
    std::string message;
    HostOptions options;
};

// Exit code for bad flags and invalid configuration.
inline constexpr int kUsageErrorExitCode = 2;

CommandLine parse_command_line(int argc, const char* const* argv,
                               const std::filesystem::path& executable_dir);

// Applies a config file's JSON text on top of `options`; throws
// std::invalid_argument naming the key and what is wrong with it.
void apply_config_text(const std::string& text, HostOptions& options);

}  // namespace billing::host
