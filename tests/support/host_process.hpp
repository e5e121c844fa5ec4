#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace billing::test {

struct HostOptions {
    std::vector<std::string> extra_args{};  // appended to the command line
    bool fixture_plugins = false;         // load the plugins of tests/fixtures/plugins
    // Empty: an empty temporary directory, or the fixture plugins directory
    // if fixture_plugins is set.
    std::filesystem::path plugins_dir{};
    // Empty: a fresh temporary directory. A given one is kept afterwards.
    std::filesystem::path data_dir{};
    // Added to (or replacing in) the host's environment.
    std::map<std::string, std::string> environment{};
};

// The environment that runs the host under libfaketime (Debian's faketime
// package): its wall clock reads `spec` ("@2026-11-20 22:59:50" starts
// there and ticks on, "+2h" is an offset; see faketime(1)), its steady
// clock stays real. With `spec_file`, the spec is read from that file on
// every call instead, so a test can step the wall clock of a running host
// by rewriting the file. TZ is UTC so "@" times are UTC.
std::map<std::string, std::string> faketime_environment(const std::string& spec,
                                                        const std::filesystem::path& spec_file = {});
// Writes `spec` into the spec file of faketime_environment(): a host started
// with that file reads its wall clock from it on every call, so this steps
// the clock of a running host ("+2h", "-1h").
void write_faketime_spec(const std::filesystem::path& spec_file, const std::string& spec);
// Why a host cannot run under libfaketime here (not installed, or a
// sanitizer build), for GTEST_SKIP(); empty when it can.
std::string faketime_unusable();

// The real billing-host executable on 127.0.0.1 and a free port:
//   --data-dir D --bind 127.0.0.1 --port P --plugins-dir X --log-level debug
// plus the extra arguments, its output in a log file. The constructor
// returns once GET /api/v1/health answers 200; it throws
// std::runtime_error with the end of the log if that does not happen
// within 20 s. The destructor stops the host and removes the temporary
// directories. The host is killed when the thread that started it ends (so
// a crashed or timed-out test leaves no host behind): start it on the
// test's own thread.
class HostProcess {
public:
    explicit HostProcess(HostOptions options = {});
    ~HostProcess();
    HostProcess(const HostProcess&) = delete;
    HostProcess& operator=(const HostProcess&) = delete;

    unsigned short port() const { return port_; }
    const std::filesystem::path& data_dir() const { return data_dir_; }
    const std::filesystem::path& plugins_dir() const { return plugins_dir_; }

    // SIGTERM, then waits (SIGKILL after 10 s). Returns the exit code, or
    // 128 + the signal number if a signal ended it. If the host has already
    // ended, returns how it ended.
    int stop();
    // SIGKILL, as a power cut would; waits until it is gone.
    void kill9();
    // Starts the host again on the same data directory and port and waits
    // until it is healthy, as the constructor does.
    void start();
    // Everything the host has written to stdout and stderr, every run.
    std::string log() const;
    // Whether the process is still alive (reaps it if it has ended).
    bool running();
    // Changes the environment of the next start().
    void set_environment(const std::map<std::string, std::string>& environment) {
        options_.environment = environment;
    }

private:
    void spawn();
    void wait_until_healthy();
    bool reap(bool block);
    std::string log_tail() const;

    HostOptions options_;
    TempDir root_;
    std::filesystem::path data_dir_;
    std::filesystem::path plugins_dir_;
    std::filesystem::path log_path_;
    unsigned short port_ = 0;
    int pid_ = -1;        // -1 when no process is running
    int exit_code_ = -1;  // how the last process ended
};

}  // namespace billing::test
