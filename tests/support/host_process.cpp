#include "support/host_process.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "support/http_client.hpp"

namespace billing::test {
namespace {

using namespace std::chrono_literals;

constexpr auto kStartDeadline = 20s;
constexpr auto kStopDeadline = 10s;
constexpr auto kPollInterval = 20ms;
constexpr std::size_t kLogTailChars = 4000;

// Asks the kernel for a free port: bind to port 0, read it back, close. The
// host binds it a moment later; another process could take it in between,
// which is rare enough for tests.
unsigned short free_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "socket");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    auto* generic = reinterpret_cast<sockaddr*>(&address);
    if (::bind(fd, generic, sizeof address) != 0 || ::getsockname(fd, generic, &length) != 0) {
        int error = errno;
        ::close(fd);
        throw std::system_error(error, std::generic_category(), "finding a free port");
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

int exit_code_of(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

}  // namespace

HostProcess::HostProcess(HostOptions options) : options_(std::move(options)) {
    data_dir_ = options_.data_dir.empty() ? root_.path() / "data" : options_.data_dir;
    if (!options_.plugins_dir.empty()) {
        plugins_dir_ = options_.plugins_dir;
    } else if (options_.fixture_plugins) {
        plugins_dir_ = BILLING_FIXTURE_PLUGIN_DIR;
    } else {
        plugins_dir_ = root_.path() / "plugins";
        std::filesystem::create_directories(plugins_dir_);
    }
    log_path_ = root_.path() / "host.log";
    port_ = free_port();
    start();
}

HostProcess::~HostProcess() {
    try {
        stop();
    } catch (...) {
        // A destructor must not throw; the temporary directory goes anyway.
    }
}

void HostProcess::start() {
    if (running()) throw std::logic_error("HostProcess::start: the host is already running");
    spawn();
    wait_until_healthy();
}

void HostProcess::spawn() {
    // Everything the child needs is built before fork(): after it, only
    // async-signal-safe calls are allowed (the test may have other threads).
    std::vector<std::string> args = {BILLING_HOST_EXECUTABLE, "--data-dir", data_dir_.string(),
                                     "--bind", "127.0.0.1", "--port", std::to_string(port_),
                                     "--plugins-dir", plugins_dir_.string(), "--log-level", "debug"};
    args.insert(args.end(), options_.extra_args.begin(), options_.extra_args.end());
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const std::string log_path = log_path_.string();
    const pid_t parent = ::getpid();
    std::map<std::string, std::string> variables;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        std::string text(*entry);
        auto equals = text.find('=');
        if (equals != std::string::npos) variables[text.substr(0, equals)] = text.substr(equals + 1);
    }
    for (const auto& [name, value] : options_.environment) variables[name] = value;
    std::vector<std::string> environment;
    for (const auto& [name, value] : variables) environment.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& entry : environment) envp.push_back(entry.data());
    envp.push_back(nullptr);

    pid_t pid = ::fork();
    if (pid < 0) throw std::system_error(errno, std::generic_category(), "fork");
    if (pid == 0) {
        // If the test dies (a crash, a ctest timeout), take the host with it
        // so it does not hold its port and data directory forever.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);
        int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (log < 0 || ::dup2(log, STDOUT_FILENO) < 0 || ::dup2(log, STDERR_FILENO) < 0) ::_exit(127);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    pid_ = pid;
}

void HostProcess::wait_until_healthy() {
    HttpClient client(port_);
    const auto deadline = std::chrono::steady_clock::now() + kStartDeadline;
    std::string last_failure = "no attempt yet";
    while (std::chrono::steady_clock::now() < deadline) {
        if (!running()) {
            throw std::runtime_error("billing-host exited with code " + std::to_string(exit_code_) +
                                     " before it became healthy; log:\n" + log_tail());
        }
        try {
            auto result = client.get("/api/v1/health");
            if (result.status == 200) return;
            last_failure = "health answered " + std::to_string(result.status) + ": " + result.body;
        } catch (const std::exception& e) {
            last_failure = e.what();
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    kill9();
    throw std::runtime_error("billing-host did not become healthy on port " + std::to_string(port_) +
                             " within 20 s (" + last_failure + "); log:\n" + log_tail());
}

bool HostProcess::reap(bool block) {
    int status = 0;
    pid_t result = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
    if (result == pid_) {
        exit_code_ = exit_code_of(status);
        pid_ = -1;
        return true;
    }
    return false;
}

bool HostProcess::running() { return pid_ > 0 && !reap(false); }

int HostProcess::stop() {
    if (!running()) return exit_code_;
    ::kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + kStopDeadline;
    while (std::chrono::steady_clock::now() < deadline) {
        if (reap(false)) return exit_code_;
        std::this_thread::sleep_for(kPollInterval);
    }
    kill9();
    return exit_code_;
}

void HostProcess::kill9() {
    if (!running()) return;
    ::kill(pid_, SIGKILL);
    reap(true);
}

std::string HostProcess::log() const {
    std::ifstream file(log_path_, std::ios::binary);
    std::ostringstream content;
    content << file.rdbuf();
    return content.str();
}

std::string HostProcess::log_tail() const {
    std::string text = log();
    return text.size() > kLogTailChars ? "..." + text.substr(text.size() - kLogTailChars) : text;
}

}  // namespace billing::test
