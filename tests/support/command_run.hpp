#pragma once
#include <string>

namespace billing::test {

struct CommandRun {
    int exit_code = -1;  // -1 if a signal ended it
    std::string output;  // stdout and stderr
};

// Runs a shell command to completion and returns its exit code and output.
// Put `timeout` in front of anything that could hang. Throws
// std::runtime_error if the command cannot be started.
CommandRun run_command(const std::string& command);

}  // namespace billing::test
