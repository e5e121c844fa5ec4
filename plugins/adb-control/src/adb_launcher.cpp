#include "adb_launcher.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace adb {

AdbLauncher::AdbLauncher(std::string program) : program_(std::move(program)) {}

std::optional<std::string> AdbLauncher::find() const {
    auto executable = [](const std::filesystem::path& path) {
        std::error_code error;
        return std::filesystem::is_regular_file(path, error) && ::access(path.c_str(), X_OK) == 0;
    };
    if (program_.find('/') != std::string::npos) {
        if (executable(program_)) return program_;
        return std::nullopt;
    }
    const char* path = std::getenv("PATH");
    std::string directories = path ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= directories.size()) {
        const auto end = std::min(directories.find(':', start), directories.size());
        const auto candidate = std::filesystem::path(directories.substr(start, end - start)) / program_;
        if (end > start && executable(candidate)) return candidate.string();
        start = end + 1;
    }
    return std::nullopt;
}

std::string AdbLauncher::start_server(unsigned short port, std::chrono::milliseconds timeout,
                                      const std::atomic<bool>& cancelled) const {
    const auto program = find();
    if (!program) return "adb is not installed (\"" + program_ + "\" not found)";
    const auto port_text = std::to_string(port);
    std::vector<char*> argv{const_cast<char*>(program->c_str()), const_cast<char*>("-P"),
                            const_cast<char*>(port_text.c_str()), const_cast<char*>("start-server"), nullptr};
    // fork + exec rather than posix_spawn: the server adb leaves running
    // must not inherit the host's sockets (a listening port would outlive
    // the host), so every descriptor above stderr is closed in the child.
    const int null_fd = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (null_fd >= 0) {
            ::dup2(null_fd, STDIN_FILENO);
            ::dup2(null_fd, STDOUT_FILENO);
            ::dup2(null_fd, STDERR_FILENO);
        }
        ::close_range(3, ~0U, 0);
        ::execve(program->c_str(), argv.data(), environ);
        ::_exit(127);
    }
    const int fork_error = errno;
    if (null_fd >= 0) ::close(null_fd);
    if (pid < 0) return "cannot run " + *program + ": " + std::strerror(fork_error);
    // The client returns once the server it forked answers; poll so a stuck
    // client cannot hold the worker thread for ever.
    const auto until = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (cancelled || std::chrono::steady_clock::now() > until) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return *program + " start-server did not finish in time";
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
    return *program + " start-server failed (exit status " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)) + ")";
}

}  // namespace adb
