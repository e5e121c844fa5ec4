#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>

#include <spdlog/spdlog.h>

#include "app/application.hpp"
#include "app/host_options.hpp"

namespace {

// The folder of the running executable: plugins, web files and the default
// config are found relative to it, in the build tree and once installed.
std::filesystem::path executable_dir() {
    std::error_code error;
    auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::filesystem::current_path() : self.parent_path();
}

}  // namespace

int main(int argc, char** argv) {
    auto command_line = billing::host::parse_command_line(argc, argv, executable_dir());
    if (!command_line.run) {
        (command_line.exit_code == 0 ? std::cout : std::cerr) << command_line.message;
        return command_line.exit_code;
    }
    try {
        return billing::host::Application(command_line.options).run();
    } catch (const std::exception& error) {
        spdlog::critical("billing-host stopped: {}", error.what());
        return 1;
    }
}
