#include "app/host_options.hpp"

#include <fstream>
#include <functional>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace billing::host {
namespace {

using nlohmann::json;

const std::set<std::string> kLogLevels = {"trace", "debug", "info", "warn", "error", "off"};

// One key of the config file: where it lives, and how to apply it.
struct ConfigKey {
    const char* section;  // "" for top level
    const char* name;
    std::function<void(const json&, HostOptions&, const std::string& path)> apply;
};

std::string key_path(const char* section, const char* name) {
    return *section ? std::string(section) + "." + name : std::string(name);
}

long long integer_in(const json& value, const std::string& path, long long min, long long max) {
    if (!value.is_number_integer())
        throw std::invalid_argument(path + " must be an integer");
    auto number = value.get<long long>();
    if (number < min || number > max)
        throw std::invalid_argument(path + " must be between " + std::to_string(min) + " and " +
                                    std::to_string(max) + ", not " + std::to_string(number));
    return number;
}

std::string string_of(const json& value, const std::string& path) {
    if (!value.is_string()) throw std::invalid_argument(path + " must be a string");
    return value.get<std::string>();
}

std::string log_level_of(const std::string& level, const std::string& where) {
    if (!kLogLevels.count(level))
        throw std::invalid_argument(where + " must be one of trace, debug, info, warn, error, off; not \"" +
                                    level + "\"");
    return level;
}

template <typename Member>
ConfigKey integer_key(const char* section, const char* name, Member HostOptions::*member,
                      long long min, long long max) {
    return {section, name, [member, min, max](const json& v, HostOptions& o, const std::string& path) {
                o.*member = static_cast<Member>(integer_in(v, path, min, max));
            }};
}

template <typename Duration>
ConfigKey duration_key(const char* section, const char* name, Duration HostOptions::*member,
                       long long min, long long max) {
    return {section, name, [member, min, max](const json& v, HostOptions& o, const std::string& path) {
                o.*member = Duration(integer_in(v, path, min, max));
            }};
}

ConfigKey path_key(const char* section, const char* name, std::filesystem::path HostOptions::*member) {
    return {section, name, [member](const json& v, HostOptions& o, const std::string& path) {
                o.*member = string_of(v, path);
            }};
}

const std::vector<ConfigKey>& config_keys() {
    static const std::vector<ConfigKey> keys = {
        {"server", "bind", [](const json& v, HostOptions& o, const std::string& p) { o.bind_address = string_of(v, p); }},
        integer_key("server", "port", &HostOptions::port, 0, 65535),
        integer_key("server", "network_threads", &HostOptions::network_threads, 1, 64),
        integer_key("server", "worker_threads", &HostOptions::worker_threads, 1, 64),
        integer_key("server", "body_limit_bytes", &HostOptions::body_limit, 1024, 64LL << 20),
        integer_key("server", "header_limit_bytes", &HostOptions::header_limit, 1024, 1 << 20),
        duration_key("server", "request_timeout_seconds", &HostOptions::request_timeout, 1, 3600),
        duration_key("server", "idle_timeout_seconds", &HostOptions::idle_timeout, 1, 3600),
        duration_key("server", "shutdown_grace_seconds", &HostOptions::shutdown_grace, 0, 600),
        path_key("paths", "data_dir", &HostOptions::data_dir),
        path_key("paths", "plugins_dir", &HostOptions::plugins_dir),
        path_key("paths", "web_dir", &HostOptions::web_dir),
        integer_key("events", "queue_limit", &HostOptions::bus_queue_limit, 1, 1 << 20),
        duration_key("events", "sse_heartbeat_seconds", &HostOptions::sse_heartbeat, 1, 3600),
        integer_key("events", "connection_queue_limit", &HostOptions::connection_queue_limit, 1, 1 << 20),
        duration_key("auth", "token_hours", &HostOptions::token_lifetime, 1, 24 * 30),
        {"", "log_level", [](const json& v, HostOptions& o, const std::string& p) {
             o.log_level = log_level_of(string_of(v, p), p);
         }},
    };
    return keys;
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::invalid_argument("cannot read config file " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

void apply_config_text(const std::string& text, HostOptions& options) {
    auto root = json::parse(text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (root.is_discarded()) throw std::invalid_argument("not valid JSON");
    if (!root.is_object()) throw std::invalid_argument("the top level must be a JSON object");

    // Every key must be known: a typo silently ignored would be worse than a refusal.
    std::set<std::string> sections, known;
    for (const auto& key : config_keys()) {
        if (*key.section) sections.insert(key.section);
        known.insert(key_path(key.section, key.name));
    }
    for (const auto& [name, value] : root.items()) {
        if (sections.count(name)) {
            if (!value.is_object()) throw std::invalid_argument(name + " must be an object");
            for (const auto& item : value.items())
                if (!known.count(name + "." + item.key()))
                    throw std::invalid_argument("unknown key \"" + name + "." + item.key() + "\"");
        } else if (!known.count(name)) {
            throw std::invalid_argument("unknown key \"" + name + "\"");
        }
    }
    for (const auto& key : config_keys()) {
        const json* value = &root;
        if (*key.section) {
            auto section = root.find(key.section);
            if (section == root.end()) continue;
            value = &*section;
        }
        auto found = value->find(key.name);
        if (found == value->end()) continue;
        key.apply(*found, options, key_path(key.section, key.name));
    }
}

CommandLine parse_command_line(int argc, const char* const* argv,
                               const std::filesystem::path& executable_dir) {
    CommandLine result;
    HostOptions& options = result.options;

    CLI::App app{"billing-host: the billing host of a PlayStation-rental shop.\n"
                 "Serves the dashboard, the API and the TV page, and runs the plugins."};
    app.name("billing-host");
    std::string config_file, data_dir, bind, plugins_dir, web_dir, log_level;
    std::optional<unsigned short> port;
    bool show_version = false;
    app.add_option("--config", config_file,
                   "Configuration file (JSON). Default: <exe>/../etc/billing-host/billing.json if present")
        ->option_text("FILE");
    app.add_option("--data-dir", data_dir, "Data directory (database, secrets); created on first run. Default: ./data")
        ->option_text("DIR");
    app.add_option("--port", port, "TCP port of the dashboard, API and TV page; 0 picks a free one. Default: 8080")
        ->option_text("N")
        ->check(CLI::Range(0, 65535));
    app.add_option("--bind", bind, "Address to listen on. Default: 0.0.0.0 (every interface)")->option_text("ADDR");
    app.add_option("--plugins-dir", plugins_dir,
                   "Folder of plugins (<dir>/<id>/plugin.json). Default: <exe>/../lib/billing-host/plugins")
        ->option_text("DIR");
    app.add_option("--web-dir", web_dir, "Folder of web files. Default: <exe>/../share/billing-host/web")
        ->option_text("DIR");
    app.add_option("--log-level", log_level, "trace, debug, info, warn, error or off. Default: info")
        ->option_text("L");
    app.add_flag("--version", show_version, "Print the version and exit");
    app.footer("Exit codes: 0 after a clean shutdown (SIGINT/SIGTERM), 1 on a runtime failure,\n"
               "2 for an unknown flag or invalid configuration.");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        result.message = app.help();
        return result;
    } catch (const CLI::ParseError& error) {
        result.exit_code = kUsageErrorExitCode;
        result.message = std::string("billing-host: ") + error.what() + "\nRun with --help to see the options.\n";
        return result;
    }
    if (show_version) {
        result.message = std::string("billing-host ") + BILLING_HOST_VERSION + "\n";
        return result;
    }

    try {
        // The config file first, then the flags on top of it.
        std::filesystem::path file = config_file;
        if (file.empty()) {
            auto installed = executable_dir / ".." / "etc" / "billing-host" / "billing.json";
            if (std::filesystem::exists(installed)) file = installed;
        }
        if (!file.empty()) {
            try {
                apply_config_text(read_file(file), options);
            } catch (const std::invalid_argument& error) {
                throw std::invalid_argument("invalid config file " + file.string() + ": " + error.what());
            }
            options.config_file = file;
        }
        if (!data_dir.empty()) options.data_dir = data_dir;
        if (port) options.port = *port;
        if (!bind.empty()) options.bind_address = bind;
        if (!plugins_dir.empty()) options.plugins_dir = plugins_dir;
        if (!web_dir.empty()) options.web_dir = web_dir;
        if (!log_level.empty()) options.log_level = log_level_of(log_level, "--log-level");
        // Empty paths in the config file mean "the default next to the executable".
        if (options.plugins_dir.empty())
            options.plugins_dir = executable_dir / ".." / "lib" / "billing-host" / "plugins";
        if (options.web_dir.empty()) options.web_dir = executable_dir / ".." / "share" / "billing-host" / "web";
        if (options.data_dir.empty()) throw std::invalid_argument("the data directory must not be empty");
        options.plugins_dir = options.plugins_dir.lexically_normal();
        options.web_dir = options.web_dir.lexically_normal();
    } catch (const std::invalid_argument& error) {
        result.exit_code = kUsageErrorExitCode;
        result.message = std::string("billing-host: ") + error.what() + "\n";
        return result;
    }
    result.run = true;
    return result;
}

}  // namespace billing::host
