#include "support/command_run.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <stdexcept>

namespace billing::test {

CommandRun run_command(const std::string& command) {
    CommandRun run;
    const auto with_errors = command + " 2>&1";
    FILE* pipe = ::popen(with_errors.c_str(), "r");
    if (!pipe) throw std::runtime_error("popen failed for " + command);
    char buffer[4096];
    while (auto n = std::fread(buffer, 1, sizeof buffer, pipe)) run.output.append(buffer, n);
    const int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

}  // namespace billing::test
