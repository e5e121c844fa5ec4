// The executable itself: its flags, exit codes, first run and shutdown.
#include <sys/resource.h>
#include <sys/stat.h>

#include <fstream>

#include <gtest/gtest.h>

#include "support/command_run.hpp"
#include "support/temp_dir.hpp"
#include "support/test_support.hpp"

namespace billing::test {
namespace {

// Runs the host with `arguments` to completion (for flags that make it
// exit); a host that hangs is killed after a minute.
CommandRun run_host(const std::string& arguments) {
    return run_command("timeout -s KILL 60 " + std::string(BILLING_HOST_EXECUTABLE) + " " + arguments);
}

TEST(HostCommandLine, HelpDocumentsEveryFlag) {
    auto run = run_host("--help");
    EXPECT_EQ(run.exit_code, 0);
    for (auto flag : {"--config", "--data-dir", "--port", "--bind", "--plugins-dir", "--log-level"})
        EXPECT_NE(run.output.find(flag), std::string::npos) << flag;
}

TEST(HostCommandLine, UnknownFlagsAndBadValuesExitWithTwo) {
    auto unknown = run_host("--frobnicate");
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.output.find("--frobnicate"), std::string::npos) << unknown.output;
    EXPECT_EQ(run_host("--port 99999").exit_code, 2);
    EXPECT_EQ(run_host("--log-level loud").exit_code, 2);
}

TEST(HostCommandLine, AnInvalidConfigFileExitsWithTwoNamingTheKey) {
    TempDir dir;
    std::ofstream(dir.path() / "bad.json") << R"({"server": {"port": "eighty"}})";
    auto run = run_host("--config " + (dir.path() / "bad.json").string() + " --data-dir " +
                        (dir.path() / "data").string());
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.output.find("server.port"), std::string::npos) << run.output;
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "data")) << "nothing is created before the config is valid";
}

TEST(HostCommandLine, FirstRunCreatesAPrivateDataDirectoryAndSigtermExitsCleanly) {
    TempDir dir;
    const auto data = dir.path() / "shop" / "data";
    HostOptions options;
    options.data_dir = data;
    HostProcess host(options);
    HttpClient client(host.port());
    EXPECT_EQ(client.get("/api/v1/health").status, 200);

    struct stat info {};
    ASSERT_EQ(::stat(data.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0700u);
    EXPECT_TRUE(std::filesystem::exists(data / "billing.db"));
    ASSERT_EQ(::stat((data / "jwt.secret").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);

    EXPECT_EQ(host.stop(), 0) << host.log();
    EXPECT_NE(host.log().find("billing-host stopped"), std::string::npos);
}

TEST(HostCommandLine, APortAlreadyInUseExitsWithOneNamingTheAddress) {
    // Another host holds the port; the second one must say so and exit, not
    // wait for its own threads forever (it once did, deaf to SIGTERM too);
    // `timeout` kills a hung host.
    HostProcess first;
    TempDir dir;
    auto run = run_host("--port " + std::to_string(first.port()) + " --bind 127.0.0.1 --data-dir " +
                        (dir.path() / "data").string());
    EXPECT_EQ(run.exit_code, 1) << run.output;
    EXPECT_NE(run.output.find("cannot listen on 127.0.0.1:" + std::to_string(first.port())), std::string::npos)
        << run.output;
}

TEST(HostCommandLine, TheOpenFilesLimitIsRaisedToTheHardLimit) {
    // Every TV holds a socket: thousands of them need more than the usual
    // soft limit of 1,024.
    rlimit limit{};
    ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &limit), 0);
    HostProcess host;
    EXPECT_NE(host.log().find("open files limit: " + std::to_string(limit.rlim_max)), std::string::npos)
        << host.log();
}

}  // namespace
}  // namespace billing::test
